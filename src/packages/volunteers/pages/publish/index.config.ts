export default definePageConfig({ navigationBarTitleText: '发布志愿班次' })
