export default definePageConfig({ navigationBarTitleText: '慈善资源库' })
