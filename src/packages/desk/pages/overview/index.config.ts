export default definePageConfig({ navigationBarTitleText: '数据服务台' })
