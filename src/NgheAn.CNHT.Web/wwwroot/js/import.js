// Workbook upload and import with a progress bar. The form still works without JavaScript (plain post and
// redirect); with it, the POST asks for application/x-ndjson and the server answers on the same response with one
// JSON line per progress step, then {"type":"done","redirect":...}. Nothing is kept in a server's memory between
// requests, so this works behind a load balancer.
(function () {
    "use strict";

    function show(box, phase, percent) {
        if (!box) { return; }
        box.hidden = false;
        var bar = box.querySelector("progress");
        if (bar && typeof percent === "number") { bar.value = percent; }
        var p = box.querySelector("[data-phase]");
        if (p && phase) { p.textContent = phase; }
        var pc = box.querySelector("[data-percent]");
        if (pc) { pc.textContent = typeof percent === "number" ? percent + "%" : ""; }
    }

    function fail(form, box, message) {
        var target = form.querySelector("[data-import-error]") || (box && box.querySelector("[data-import-error]"));
        if (target) { target.textContent = message; } else { window.alert(message); }
        Array.prototype.forEach.call(form.querySelectorAll("button"), function (b) { b.disabled = false; });
        if (box) { box.hidden = true; }
    }

    function handle(line, form, box) {
        var msg = JSON.parse(line);
        if (msg.type === "progress") {
            show(box, msg.phase + " (" + msg.done.toLocaleString("vi-VN") + "/" + msg.total.toLocaleString("vi-VN") + ")", msg.percent);
        } else if (msg.type === "done") {
            show(box, msg.message || "Xong.", 100);
            // Navigate once the response has ended: leaving earlier would abort the request.
            form.setAttribute("data-redirect", msg.redirect);
        } else if (msg.type === "error") {
            fail(form, box, msg.message);
        }
    }

    document.querySelectorAll("form[data-import-stream]").forEach(function (form) {
        form.addEventListener("submit", function (event) {
            if (event.defaultPrevented) { return; } // cancelled by data-confirm (site.js)
            var box = document.getElementById(form.getAttribute("data-progress"));
            var input = form.querySelector("input[type=file]");
            var error = form.querySelector("[data-import-error]");
            if (error) { error.textContent = ""; }
            if (input && input.files && input.files.length) {
                var file = input.files[0];
                var max = parseInt(form.getAttribute("data-max-bytes") || "0", 10);
                if (!/\.xlsx$/i.test(file.name)) { event.preventDefault(); fail(form, box, form.getAttribute("data-not-xlsx")); return; }
                if (max && file.size > max) { event.preventDefault(); fail(form, box, form.getAttribute("data-too-large")); return; }
            }
            if (!window.fetch || !window.TextDecoder || !window.ReadableStream) { return; }

            event.preventDefault();
            var data = new FormData(form);
            var token = form.querySelector("input[name=__RequestVerificationToken]");
            Array.prototype.forEach.call(form.querySelectorAll("button"), function (b) { b.disabled = true; });
            show(box, input ? "Đang tải tệp lên…" : "Đang bắt đầu…", 0);

            fetch(form.action, {
                method: "POST",
                body: data,
                credentials: "same-origin",
                headers: { "Accept": "application/x-ndjson", "RequestVerificationToken": token ? token.value : "" }
            }).then(function (response) {
                var type = response.headers.get("Content-Type") || "";
                if (type.indexOf("application/x-ndjson") !== 0 || !response.body) {
                    fail(form, box, "Máy chủ trả lời không như mong đợi (mã " + response.status + "). Vui lòng tải lại trang và thử lại.");
                    return;
                }
                var reader = response.body.getReader();
                var decoder = new TextDecoder("utf-8");
                var buffer = "";
                function pump() {
                    return reader.read().then(function (chunk) {
                        buffer += decoder.decode(chunk.value || new Uint8Array(), { stream: !chunk.done });
                        var lines = buffer.split("\n");
                        buffer = lines.pop();
                        lines.forEach(function (l) { if (l.trim()) { handle(l, form, box); } });
                        if (chunk.done) {
                            if (buffer.trim()) { handle(buffer, form, box); }
                            var target = form.getAttribute("data-redirect");
                            if (target) { window.setTimeout(function () { window.location.assign(target); }, 50); }
                            return;
                        }
                        return pump();
                    });
                }
                return pump();
            }).catch(function () {
                fail(form, box, "Mất kết nối với máy chủ; dữ liệu chưa được ghi. Vui lòng thử lại.");
            });
        });
    });
})();
