import { routeSdkToLocalCloud } from '../../localcloud/runtime'

// Before any service module reads wx-server-sdk, so its open-API and storage calls reach the
// local cloud each test installs.
routeSdkToLocalCloud()
