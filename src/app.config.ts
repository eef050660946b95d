// Main package: the tab pages only. Every feature area is a subpackage, loaded when first opened.
export default defineAppConfig({
  pages: ['pages/home/index', 'pages/me/index'],
  subPackages: [
    {
      root: 'packages/needs',
      pages: [
        'pages/post/index',
        'pages/mine/index',
        'pages/community/index',
        'pages/detail/index',
      ],
    },
    {
      root: 'packages/mediation',
      pages: [
        'pages/cases/index',
        'pages/open/index',
        'pages/case/index',
        'pages/team/index',
        'pages/mine/index',
        'pages/figures/index',
      ],
    },
    {
      root: 'packages/agreements',
      pages: ['pages/list/index', 'pages/create/index', 'pages/detail/index'],
    },
    {
      root: 'packages/councils',
      pages: [
        'pages/list/index',
        'pages/council/index',
        'pages/meeting/index',
        'pages/monthly/index',
      ],
    },
    {
      root: 'packages/stalls',
      pages: [
        'pages/events/index',
        'pages/event/index',
        'pages/mine/index',
        'pages/checkin/index',
        'pages/stats/index',
        'pages/publish/index',
      ],
    },
    {
      root: 'packages/projects',
      pages: [
        'pages/needs/index',
        'pages/claim/index',
        'pages/claims/index',
        'pages/review/index',
        'pages/list/index',
        'pages/detail/index',
        'pages/overdue/index',
        'pages/served/index',
        'pages/report/index',
      ],
    },
    {
      root: 'packages/lists',
      pages: [
        'pages/community/index',
        'pages/publish-need/index',
        'pages/proposals/index',
        'pages/offerings/index',
        'pages/publish-offering/index',
        'pages/kinds/index',
      ],
    },
    {
      root: 'packages/volunteers',
      pages: [
        'pages/register/index',
        'pages/service/index',
        'pages/shifts/index',
        'pages/shift/index',
        'pages/managed/index',
        'pages/roster/index',
        'pages/review/index',
        'pages/publish/index',
        'pages/teams/index',
        'pages/team/index',
        'pages/verify/index',
      ],
    },
    {
      root: 'packages/people',
      pages: ['pages/manage/index', 'pages/scope/index', 'pages/accept/index', 'pages/audit/index'],
    },
    {
      root: 'packages/orgs',
      pages: ['pages/registry/index', 'pages/detail/index', 'pages/edit/index'],
    },
    {
      root: 'packages/trainings',
      pages: [
        'pages/list/index',
        'pages/detail/index',
        'pages/mine/index',
        'pages/checkin/index',
        'pages/publish/index',
        'pages/report/index',
      ],
    },
    {
      root: 'packages/charity',
      pages: ['pages/pool/index', 'pages/donate/index', 'pages/item/index', 'pages/notice/index'],
    },
    {
      root: 'packages/desk',
      pages: ['pages/overview/index'],
    },
    {
      root: 'packages/privacy',
      pages: ['pages/guide/index', 'pages/data/index'],
    },
  ],
  tabBar: {
    color: '#5c5f66',
    selectedColor: '#d4380d',
    backgroundColor: '#ffffff',
    list: [
      {
        pagePath: 'pages/home/index',
        text: '服务大厅',
        iconPath: 'assets/tabbar/home.png',
        selectedIconPath: 'assets/tabbar/home-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tabbar/me.png',
        selectedIconPath: 'assets/tabbar/me-active.png',
      },
    ],
  },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#d4380d',
    navigationBarTitleText: '共建',
    navigationBarTextStyle: 'white',
    // On H5, Taro's own title bar with a back button (WeChat draws its own either way).
    navigationStyle: 'default',
  },
})
