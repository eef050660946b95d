import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'

// Each target builds into its own folder so the weapp and H5 builds never overwrite each other:
// dist/weapp is what project.config.json's miniprogramRoot names, dist/h5 is what the local cloud serves.
// The app shares the contracts (types, labels, error messages) and pure domain rules with the
// cloud functions: it imports them from the features' contract and domain files.
const sharedWithApp = ['shared', 'features'].map((folder) =>
  path.resolve(__dirname, '..', 'cloudfunctions', folder),
)

export default defineConfig<'webpack5'>(async (merge) => {
  const target = process.env.TARO_ENV
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'gongjian',
    date: '2026-11-23',
    // NutUI is drawn at 375 px; our own styles at 750 rpx. Taro copies this function's source
    // into the app for Taro.pxTransform, so it must compile without helpers (no `typeof`).
    designWidth(input) {
      const file = (input as { file?: string } | undefined)?.file
      return file && file.replace(/\\+/g, '/').indexOf('@nutui') > -1 ? 375 : 750
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${target}`,
    plugins: [],
    // The WeChat cloud environment the app calls; empty means the mini-program's default one.
    defineConstants: {
      'process.env.TARO_APP_CLOUD_ENV': JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? ''),
    },
    alias: { '@': path.resolve(__dirname, '..', 'src') },
    copy: { patterns: [], options: {} },
    // Both targets run on Preact (React's API at a third of its size): WeChat's main package is
    // small, and on H5 a slow phone compiles 110 KB less before 服务大厅 shows (bench/README.md).
    // Preact is pinned below 10.20, whose changes break Taro 4.2's createRoot.
    framework: 'preact',
    compiler: 'webpack5',
    cache: { enable: false },
    logger: { quiet: true, stats: false },
    mini: {
      compile: { include: sharedWithApp },
      // NutUI's per-component CSS may arrive in any order; its rules do not depend on it.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: sharedWithApp },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
        // 服务大厅 is the page a first load opens: in the app's own chunk, it renders without one more
        // round trip for its code (webpack leaves out of a page's chunk what the entry has).
        chain.entry('app').add(path.resolve(__dirname, '..', 'src', 'pages', 'home', 'index'))
        // Taro splits only the first chunk, so every page's chunk carried its own copy of Taro's
        // components and NutUI. What pages share goes to one chunk each, fetched once and cached;
        // what 服务大厅 needs stays in the first load.
        const shared = (name: string, test: RegExp, priority: number) => ({
          name,
          test,
          chunks: 'async' as const,
          minChunks: 2,
          priority,
          reuseExistingChunk: true,
        })
        chain.optimization.splitChunks({
          chunks: 'all',
          minSize: 20000,
          cacheGroups: {
            nutui: shared('nutui', /[\\/]node_modules[\\/]@nutui[\\/]/, 30),
            taro: shared('taro', /[\\/]node_modules[\\/]@tarojs[\\/]/, 20),
            vendors: shared('vendors', /[\\/]node_modules[\\/]/, 10),
            common: { minChunks: 2, priority: 0, reuseExistingChunk: true },
          },
        })
      },
    },
  }
  return merge({}, baseConfig)
})
