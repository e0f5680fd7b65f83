/* News archive pages: bar charts of counts per month (vendored uPlot) and place maps drawn as SVG on the
   shipped Natural Earth basemap. Everything comes from this server: no CDN, no map tiles, works offline.
   Data is read from <script type="application/json"> blocks; text goes in with textContent only. */
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";

  function jsonIn(element) {
    var block = element.querySelector('script[type="application/json"]');
    return block ? JSON.parse(block.textContent) : null;
  }

  function monthStart(month) {
    return Date.UTC(+month.slice(0, 4), +month.slice(5, 7) - 1, 1) / 1000;
  }

  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  function monthName(seconds) {
    var day = new Date(seconds * 1000);
    return MONTHS[day.getUTCMonth()] + " " + day.getUTCFullYear();
  }

  function drawChart(figure) {
    var series = jsonIn(figure);
    if (!series || !series.length || typeof uPlot === "undefined") return;
    var xs = series.map(function (s) { return monthStart(s[0]); });
    var ys = series.map(function (s) { return s[1]; });
    var year = 365 * 86400, span = xs[xs.length - 1] - xs[0], top = Math.max.apply(null, ys);
    var pad = Math.max(20 * 86400, (year - span) / 2);  // at least a year wide: a month is a bar, not the axis
    var options = {
      width: Math.max(320, figure.clientWidth || 640), height: 180, legend: {show: false},
      cursor: {drag: {x: false, y: false}},
      scales: {x: {time: true, range: [xs[0] - pad, xs[xs.length - 1] + pad]}, y: {range: [0, Math.ceil(top * 1.15) || 1]}},
      series: [{}, {label: figure.getAttribute("data-label"), fill: "rgba(40, 110, 180, 0.55)", stroke: "#286eb4",
                    width: 1, points: {show: false}, paths: uPlot.paths.bars({size: [0.8, 28]})}],
      axes: [{space: 70, values: function (u, splits) { return splits.map(monthName); }}, {size: 64}]
    };
    var holder = document.createElement("div");
    holder.className = "chart-canvas";
    figure.insertBefore(holder, figure.firstChild);
    new uPlot(options, [xs, ys], holder);
    figure.setAttribute("data-drawn", "1");
  }

  function svgElement(name, attributes) {
    var element = document.createElementNS(SVG, name);
    Object.keys(attributes).forEach(function (key) { element.setAttribute(key, attributes[key]); });
    return element;
  }

  function ringPath(ring) {
    return ring.map(function (p, i) { return (i ? "L" : "M") + p[0] + " " + (-p[1]); }).join("") + "Z";
  }

  function drawMap(figure) {
    var data = jsonIn(figure);
    if (!data) return;
    var points = [[data.center[0], data.center[1], data.center[2], null, true]].concat(
      (data.nearby || []).map(function (n) { return [n.longitude, n.latitude, n.name, n.href, false]; }));
    var lons = points.map(function (p) { return p[0]; }), lats = points.map(function (p) { return p[1]; });
    var west = Math.min.apply(null, lons), east = Math.max.apply(null, lons);
    var south = Math.min.apply(null, lats), north = Math.max.apply(null, lats);
    var width = Math.max(east - west, 24) * 1.3, height = Math.max(north - south, 14) * 1.3;
    var midLon = (west + east) / 2, midLat = (south + north) / 2;
    var svg = svgElement("svg", {viewBox: [midLon - width / 2, -(midLat + height / 2), width, height].join(" "),
                                 "class": "map-svg", role: "img", "aria-label": "Map of " + data.center[2]});
    var land = svgElement("g", {"class": "basemap"});
    svg.appendChild(land);
    var marks = svgElement("g", {"class": "marks"});
    var radius = width / 160;
    points.forEach(function (p) {
      var dot = svgElement("circle", {cx: p[0], cy: -p[1], r: p[4] ? radius * 1.8 : radius,
                                      "class": p[4] ? "here" : "nearby", "vector-effect": "non-scaling-stroke"});
      var title = svgElement("title", {});
      title.textContent = p[2];
      dot.appendChild(title);
      var target = dot;
      if (p[3]) {
        target = svgElement("a", {href: p[3]});
        target.appendChild(dot);
      }
      marks.appendChild(target);
    });
    var label = svgElement("text", {x: data.center[0] + radius * 2.5, y: -data.center[1] + radius,
                                    "font-size": width / 40, "class": "here-label"});
    label.textContent = data.center[2];
    marks.appendChild(label);
    svg.appendChild(marks);
    figure.insertBefore(svg, figure.firstChild);
    fetch(figure.getAttribute("data-map")).then(function (r) { return r.json(); }).then(function (geo) {
      geo.features.forEach(function (feature) {
        var d = feature.geometry.coordinates.map(function (polygon) {
          return polygon.map(ringPath).join("");
        }).join("");
        var path = svgElement("path", {d: d, "vector-effect": "non-scaling-stroke"});
        var title = svgElement("title", {});
        title.textContent = feature.properties.name || "";
        path.appendChild(title);
        land.appendChild(path);
      });
      figure.setAttribute("data-drawn", "1");
    });
  }

  // Leaflet maps (the places table's cluster map): when tiles cannot load (offline), draw the shipped
  // basemap under the markers. Leaflet arrives later by import(); its global L is caught as it is set.
  var BASEMAP = (document.currentScript && document.currentScript.src || "").replace(/archive\.js(\?.*)?$/, "countries-110m.geojson");

  function offlineBasemap(map) {
    var added = false;
    function watch(layer) {
      if (!(layer instanceof window.L.TileLayer)) return;
      layer.on("tileerror", function () {
        if (added) return;
        added = true;
        fetch(BASEMAP).then(function (r) { return r.json(); }).then(function (geo) {
          window.L.geoJSON(geo, {interactive: false, style: {color: "#9a9a8a", weight: 1, fillColor: "#f4f1e8",
                                                             fillOpacity: 1}}).addTo(map).bringToBack();
          map.getContainer().style.background = "#dcecf7";
          map.getContainer().setAttribute("data-basemap", "offline");
        });
      });
    }
    map.eachLayer(watch);
    map.on("layeradd", function (event) { watch(event.layer); });
  }

  var leaflet;
  Object.defineProperty(window, "L", {configurable: true, get: function () { return leaflet; }, set: function (value) {
    leaflet = value;
    queueMicrotask(function () {
      if (leaflet && leaflet.Map && !leaflet.Map.newsArchiveBasemap) {
        leaflet.Map.newsArchiveBasemap = true;
        leaflet.Map.addInitHook(function () { offlineBasemap(this); });
      }
    });
  }});

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("figure[data-chart]"), drawChart);
    Array.prototype.forEach.call(document.querySelectorAll("figure[data-map]"), drawMap);
  });
})();
