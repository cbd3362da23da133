// The main package holds no engine: the estimate page and the engine are in the claimcalc subpackage (app.json),
// which preloadRule fetches while this page shows.
Page({
  open() {
    wx.navigateTo({ url: '/claimcalc/pages/estimate/estimate' });
  },
});
