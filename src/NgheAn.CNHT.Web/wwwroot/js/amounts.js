// Amount fields typed the Vietnamese way: "1.250.000.000" đồng. Echoes the value as the department writes amounts
// in prose ("900 triệu đồng", "1,25 tỷ đồng"; ADR 0121) as the user types, groups the digits when the field is left, and keeps "counterpart and other sources" up to date.
// Whole đồng fit in a JavaScript number up to 2^53 (9 million billion), above the portal's 10^15 ceiling.
(function () {
    "use strict";

    function parseDong(text) {
        var s = (text || "").replace(/đồng|đ/gi, "").trim();
        if (!s) { return null; }
        var groups = s.split(/[.\s\u00a0\u202f]/);
        if (groups.length > 1 && (groups[0].length < 1 || groups[0].length > 3 || groups.slice(1).some(function (g) { return g.length !== 3; }))) {
            return null;
        }
        var digits = groups.join("");
        if (!/^\d{1,16}$/.test(digits)) { return null; }
        return Number(digits);
    }

    function formatDong(value) {
        return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
    }

    // Same rule as VnFormat.Prose on the server: nghìn / triệu / tỷ with at most three decimals, "khoảng" when rounded.
    function formatProse(value) {
        if (value === 0) { return "0 đồng"; }
        var units = [[1e9, "tỷ"], [1e6, "triệu"], [1e3, "nghìn"]];
        for (var i = 0; i < units.length; i++) {
            var size = units[i][0];
            if (value >= size) {
                var scaled = Math.round(value / size * 1000) / 1000;
                var exact = scaled * size === value;
                var whole = Math.floor(scaled);
                var fraction = String(Math.round((scaled - whole) * 1000)).padStart(3, "0").replace(/0+$/, "");
                return (exact ? "" : "khoảng ") + formatDong(whole) + (fraction ? "," + fraction : "") + " " + units[i][1] + " đồng";
            }
        }
        return formatDong(value) + " đồng";
    }

    function refresh() {
        document.querySelectorAll("[data-million-for]").forEach(function (hint) {
            var input = document.getElementById(hint.getAttribute("data-million-for"));
            var value = input ? parseDong(input.value) : null;
            hint.textContent = value === null || value < 0 ? "" : formatProse(value);
        });
        document.querySelectorAll("[data-difference-of]").forEach(function (output) {
            var a = document.getElementById(output.getAttribute("data-difference-of"));
            var b = document.getElementById(output.getAttribute("data-minus"));
            var x = a ? parseDong(a.value) : null;
            var y = b ? parseDong(b.value) : null;
            output.textContent = x === null || y === null ? "—" : (x - y < 0 ? "-" + formatDong(y - x) : formatDong(x - y));
        });
    }

    document.addEventListener("input", function (event) {
        if (event.target.matches && event.target.matches("[data-amount]")) { refresh(); }
    });
    document.addEventListener("change", function (event) {
        if (event.target.matches && event.target.matches("[data-amount]")) {
            var value = parseDong(event.target.value);
            if (value !== null) { event.target.value = formatDong(value); }
            refresh();
        }
    });
    refresh();
})();
