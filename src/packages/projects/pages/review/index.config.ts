export default definePageConfig({ navigationBarTitleText: '揭榜审核' })
