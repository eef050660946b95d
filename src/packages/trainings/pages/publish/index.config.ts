export default definePageConfig({ navigationBarTitleText: '发布培训' })
