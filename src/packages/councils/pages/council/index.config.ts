export default definePageConfig({ navigationBarTitleText: '议事会委员与会议' })
