// The main package holds no engine: the estimate page and the engine are in the claimcalc subpackage (app.json).
Page({
  open() {
    my.navigateTo({ url: '/claimcalc/pages/estimate/estimate' });
  },
});
