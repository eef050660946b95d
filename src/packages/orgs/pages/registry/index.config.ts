export default definePageConfig({ navigationBarTitleText: '社会组织名录' })
