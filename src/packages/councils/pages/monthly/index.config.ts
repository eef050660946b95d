export default definePageConfig({ navigationBarTitleText: '月度碰头会' })
