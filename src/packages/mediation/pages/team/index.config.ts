export default definePageConfig({ navigationBarTitleText: '调解团队' })
