export default definePageConfig({ navigationBarTitleText: '待揭榜超期' })
