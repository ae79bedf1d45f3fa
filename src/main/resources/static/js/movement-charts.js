/*
 * Charts of the movement pages and the portal (ECharts), drawn from JSON: an element
 * <div data-chart-src="…json" data-movement-chart="targets|spread"> gets a horizontal bar chart of
 * {labels:[…], series:[{name, values:[…]}]}: per unit the percent of each registered target
 * reached, or per model the number of units replicating it.
 */
(function () {
  'use strict';
  var lang = document.documentElement.lang || 'vi';
  var numberFormat = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });

  var COLOURS = ['#9b1c1c', '#4a6fa5', '#b7791f', '#2f855a'];

  function option(kind, data) {
    var percent = kind === 'targets';
    var many = data.series.length > 1;
    function label(v) { return v == null ? '–' : numberFormat.format(v) + (percent ? ' %' : ''); }
    return {
      grid: { left: 8, right: 56, top: 8, bottom: many ? 48 : 8, containLabel: true },
      legend: many ? { bottom: 0, left: 0, type: 'scroll' } : undefined,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: label },
      yAxis: { type: 'category', inverse: true, data: data.labels,
        axisLabel: { fontSize: 11, width: 150, overflow: 'truncate' } },
      xAxis: { type: 'value', min: 0, minInterval: percent ? 0 : 1,
        axisLabel: { formatter: function (v) { return numberFormat.format(v); }, hideOverlap: true } },
      series: data.series.map(function (s, i) {
        return {
          name: s.name, type: 'bar', data: s.values,
          itemStyle: { color: percent ? COLOURS[i % COLOURS.length] : '#b7791f' },
          label: { show: true, position: 'right', fontSize: 10,
            formatter: function (p) { return p.value == null ? '' : label(p.value); } },
          markLine: percent && i === 0
            ? { symbol: 'none', silent: true, data: [{ xAxis: 100 }], lineStyle: { color: '#555' }, label: { show: false } }
            : undefined
        };
      })
    };
  }

  function show(el) {
    if (typeof echarts === 'undefined') { return; }
    fetch(el.getAttribute('data-chart-src'), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (data) {
        el.style.height = Math.max(160, data.labels.length * (16 + 14 * data.series.length) + 60) + 'px';
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
