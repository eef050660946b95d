export default definePageConfig({ navigationBarTitleText: '慈善公示' })
