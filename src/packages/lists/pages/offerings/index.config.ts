export default definePageConfig({ navigationBarTitleText: '我们的资源清单' })
