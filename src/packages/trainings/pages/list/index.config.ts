export default definePageConfig({ navigationBarTitleText: '乔社学院 · 培训' })
