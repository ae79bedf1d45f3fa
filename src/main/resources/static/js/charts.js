/*
 * Laurel's charts (ECharts). No inline script: a chart is a <div data-chart-src="…json"
 * data-chart-kind="byUnit|overTime|ranking">; this file fetches the data and draws it. Numbers are
 * formatted in the page's language (<html lang>).
 */
(function () {
  'use strict';

  var lang = document.documentElement.lang || 'vi';
  var fmt = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  var points = new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  var BRAND = '#9b1c1c';
  var MUTED = '#9aa5b1';
  var ACCENT = '#b7791f';

  function number(v) {
    return v === null || v === undefined ? '–' : fmt.format(v);
  }

  function byUnit(el, data) {
    var d = data.byUnit;
    // units down the side, so that their names stay readable
    return {
      title: { text: d.title, subtext: data.measure, left: 0, textStyle: { fontSize: 14 } },
      tooltip: {
        trigger: 'axis', axisPointer: { type: 'shadow' },
        valueFormatter: function (v) { return number(v) + ' ' + data.measure; }
      },
      legend: { data: [d.valueLabel, d.estimateLabel], bottom: 0, left: 0 },
      grid: { left: 8, right: 24, top: 56, bottom: 36, containLabel: true },
      yAxis: { type: 'category', data: d.units, inverse: true, axisLabel: { fontSize: 11 } },
      xAxis: {
        type: 'value',
        axisLabel: { formatter: function (v) { return number(v); }, hideOverlap: true }
      },
      series: [
        { name: d.valueLabel, type: 'bar', data: d.value, itemStyle: { color: BRAND } },
        { name: d.estimateLabel, type: 'bar', data: d.estimate, itemStyle: { color: MUTED } }
      ]
    };
  }

  function overTime(el, data) {
    var d = data.overTime;
    return {
      title: { text: d.title, subtext: data.measure, left: 0, textStyle: { fontSize: 14 } },
      tooltip: {
        trigger: 'axis',
        valueFormatter: function (v) { return number(v) + ' ' + data.measure; }
      },
      legend: { data: [d.thisYearLabel, d.lastYearLabel], bottom: 0, left: 0 },
      grid: { left: 8, right: 24, top: 64, bottom: 36, containLabel: true },
      xAxis: { type: 'category', data: d.periods, boundaryGap: true },
      yAxis: {
        type: 'value',
        axisLabel: { formatter: function (v) { return number(v); } }
      },
      series: [
        { name: d.thisYearLabel, type: 'line', data: d.thisYear, symbolSize: 8,
          itemStyle: { color: BRAND }, lineStyle: { width: 3 } },
        { name: d.lastYearLabel, type: 'line', data: d.lastYear, symbolSize: 6,
          itemStyle: { color: ACCENT }, lineStyle: { type: 'dashed' } }
      ]
    };
  }

  // a bar's colour tells the classification
  var CLASS_COLOURS = { EXCELLENT: BRAND, GOOD: ACCENT, COMPLETE: '#4a6fa5', NOT_COMPLETE: MUTED };

  function ranking(el, data) {
    var bars = data.totals.map(function (v, i) {
      return {
        value: v,
        itemStyle: { color: CLASS_COLOURS[data.classifications[i]] || MUTED },
        label: data.labels[i]
      };
    });
    return {
      title: { text: data.title, left: 0, textStyle: { fontSize: 14 } },
      tooltip: {
        trigger: 'axis', axisPointer: { type: 'shadow' },
        formatter: function (ps) {
          var p = ps[0];
          var i = p.dataIndex;
          var esc = echarts.format.encodeHTML;
          return '#' + data.ranks[i] + ' ' + esc(data.units[i]) + '<br>' + esc(data.totalLabel) + ': ' +
            points.format(p.value) + '<br>' + esc(data.labels[i]);
        }
      },
      grid: { left: 8, right: 56, top: 40, bottom: 8, containLabel: true },
      yAxis: {
        type: 'category', inverse: true, axisLabel: { fontSize: 11 },
        data: data.units.map(function (u, i) { return data.ranks[i] + '. ' + u; })
      },
      xAxis: {
        type: 'value', min: 0,
        axisLabel: { formatter: function (v) { return number(v); }, hideOverlap: true }
      },
      series: [{
        name: data.totalLabel, type: 'bar', data: bars,
        label: { show: true, position: 'right', fontSize: 11,
                 formatter: function (p) { return points.format(p.value); } }
      }]
    };
  }

  var KINDS = { byUnit: byUnit, overTime: overTime, ranking: ranking };
  var cache = {};

  function load(src) {
    if (!cache[src]) {
      cache[src] = fetch(src, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
        .then(function (r) {
          if (!r.ok) { throw new Error('HTTP ' + r.status); }
          return r.json();
        });
    }
    return cache[src];
  }

  function draw(el) {
    var kind = KINDS[el.getAttribute('data-chart-kind')];
    if (!kind || typeof echarts === 'undefined') { return; }
    load(el.getAttribute('data-chart-src')).then(function (data) {
      var chart = echarts.init(el, null, { renderer: 'svg' });
      chart.setOption(kind(el, data));
      el.setAttribute('data-chart-ready', 'true');
      window.addEventListener('resize', function () { chart.resize(); });
    }).catch(function () {
      el.classList.add('chart-failed');
    });
  }

  function init() {
    document.querySelectorAll('[data-chart-src]').forEach(draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
