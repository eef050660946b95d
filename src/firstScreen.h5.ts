// 服务大厅 is the page a first load opens: built into the app's own chunk, it renders without one
// more round trip for its code and the shared chunks it needs.
import './pages/home/index'
