export default definePageConfig({ navigationBarTitleText: '可揭榜需求' })
