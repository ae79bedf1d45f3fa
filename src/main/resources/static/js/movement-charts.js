/*
 * Charts of the movement pages and the portal (ECharts), drawn from JSON: an element
 * <div data-chart-src="…json" data-movement-chart="targets|spread"> gets a horizontal bar chart of
 * {labels:[…], values:[…]}: percent of target reached, or number of units replicating a model.
 */
(function () {
  'use strict';
  var lang = document.documentElement.lang || 'vi';
  var numberFormat = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });

  function option(kind, data) {
    var percent = kind === 'targets';
    return {
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' },
        valueFormatter: function (v) { return v == null ? '–' : numberFormat.format(v) + (percent ? ' %' : ''); } },
      yAxis: { type: 'category', inverse: true, data: data.labels,
        axisLabel: { fontSize: 11, width: 160, overflow: 'truncate' } },
      xAxis: { type: 'value', min: 0, minInterval: percent ? 0 : 1,
        axisLabel: { formatter: function (v) { return numberFormat.format(v); }, hideOverlap: true } },
      series: [{ type: 'bar', data: data.values, itemStyle: { color: percent ? '#9b1c1c' : '#b7791f' },
        label: { show: true, position: 'right', fontSize: 11,
          formatter: function (p) { return p.value == null ? '' : numberFormat.format(p.value) + (percent ? ' %' : ''); } },
        markLine: percent ? { symbol: 'none', data: [{ xAxis: 100 }], lineStyle: { color: '#4a6fa5' } } : undefined }]
    };
  }

  function show(el) {
    if (typeof echarts === 'undefined') { return; }
    fetch(el.getAttribute('data-chart-src'), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (data) {
        el.style.height = Math.max(160, 28 * data.labels.length + 40) + 'px';
        var chart = echarts.init(el, null, { renderer: 'svg' });
        chart.setOption(option(el.getAttribute('data-movement-chart'), data));
        el.setAttribute('data-chart-ready', 'true');
        window.addEventListener('resize', function () { chart.resize(); });
      })
      .catch(function () { el.classList.add('chart-failed'); });
  }

  function start() { document.querySelectorAll('[data-movement-chart]').forEach(show); }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
})();
