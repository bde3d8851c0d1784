// Site-wide form behaviour (ADR 0120), loaded as a file so the Content-Security-Policy needs no inline script.
// Every form gets it from the layout, with no page code:
//  - after a refused submit the server's error summary (Pages/Shared/_ErrorSummary) takes focus, lists the mistakes
//    in the order of the fields and links each one to its field;
//  - before a form is sent, the checks that need no server run: required fields ([required]), amounts typed the
//    Vietnamese way ([data-amount]) and cross-field rules (data-not-above, data-not-before). Mistakes are shown
//    under their fields and in the same summary, and nothing is sent;
//  - only a form that passes those checks asks its confirmation (data-confirm on the form or the button); "{name}"
//    in the question is replaced by the value of the form's field of that name, so the dialog names the figures;
//  - cross-field rules warn while the user types.
(function () {
    "use strict";

    function parseDong(text) {
        var s = (text || "").replace(/đồng|đ/gi, "").trim();
        if (!s) { return null; }
        var negative = s.charAt(0) === "-";
        if (negative) { s = s.substring(1).trim(); }
        var groups = s.split(/[.\s\u00a0\u202f]/);
        if (groups.length > 1 && (groups[0].length < 1 || groups[0].length > 3 || groups.slice(1).some(function (g) { return g.length !== 3; }))) {
            return null;
        }
        var digits = groups.join("");
        if (!/^\d{1,16}$/.test(digits)) { return null; }
        return negative ? -Number(digits) : Number(digits);
    }
    window.cnhtParseDong = parseDong;

    function labelOf(field) {
        var label = field.id ? document.querySelector("label[for='" + field.id + "']") : null;
        if (!label && field.closest) { label = field.closest("label"); }
        var text = label ? label.textContent : (field.getAttribute("aria-label") || field.name || "");
        return text.replace(/\*/g, "").replace(/\s+/g, " ").trim();
    }

    function lowerFirst(text) {
        return text ? text.charAt(0).toLocaleLowerCase("vi-VN") + text.substring(1) : text;
    }

    function valueOf(form, id) {
        var other = document.getElementById(id);
        return other && form.contains(other) ? other : document.getElementById(id);
    }

    // A cross-field rule broken by this field, as a Vietnamese sentence; null when it holds (or cannot be judged yet).
    function crossFieldProblem(field) {
        var form = field.form;
        var aboveId = field.getAttribute("data-not-above");
        if (aboveId) {
            var other = valueOf(form, aboveId);
            var mine = parseDong(field.value);
            var limit = other ? parseDong(other.value) : null;
            if (mine !== null && limit !== null && mine > limit) {
                return field.getAttribute("data-not-above-message") || (labelOf(field) + " không được lớn hơn " + lowerFirst(labelOf(other)) + ".");
            }
        }
        var beforeId = field.getAttribute("data-not-before");
        if (beforeId) {
            var start = valueOf(form, beforeId);
            var end = parseInt(field.value, 10);
            var from = start ? parseInt(start.value, 10) : NaN;
            if (!isNaN(end) && !isNaN(from) && end < from) {
                return field.getAttribute("data-not-before-message") || (labelOf(field) + " không được trước " + lowerFirst(labelOf(start)) + ".");
            }
        }
        return null;
    }

    // The message element under a field: the one asp-validation-for rendered, else one made for it.
    function messageFor(field) {
        var form = field.form || document;
        var name = field.getAttribute("name");
        var span = null;
        if (name) {
            form.querySelectorAll("[data-valmsg-for]").forEach(function (s) { if (s.getAttribute("data-valmsg-for") === name) { span = s; } });
        }
        if (!span) {
            span = document.getElementById((field.id || name) + "-error");
        }
        if (!span) {
            span = document.createElement("span");
            span.className = "text-danger small d-block";
            span.id = (field.id || name) + "-error";
            field.insertAdjacentElement("afterend", span);
        }
        if (!span.id) { span.id = (field.id || name) + "-error"; }
        return span;
    }

    function describe(field, id, on) {
        var ids = (field.getAttribute("aria-describedby") || "").split(/\s+/).filter(function (x) { return x && x !== id; });
        if (on) { ids.push(id); }
        if (ids.length) { field.setAttribute("aria-describedby", ids.join(" ")); } else { field.removeAttribute("aria-describedby"); }
    }

    function showFieldError(field, message) {
        var span = messageFor(field);
        span.textContent = message;
        span.classList.add("field-validation-error");
        span.classList.remove("field-validation-valid");
        field.classList.add("input-validation-error");
        field.setAttribute("aria-invalid", "true");
        describe(field, span.id, true);
    }

    function clearFieldError(field) {
        var span = messageFor(field);
        if (span.getAttribute("data-client") === "true" || span.classList.contains("field-validation-error")) {
            span.textContent = "";
        }
        field.classList.remove("input-validation-error");
        field.removeAttribute("aria-invalid");
    }

    function isShown(field) {
        return !field.disabled && field.type !== "hidden" && !(field.closest && field.closest("[hidden], details:not([open]) > *:not(summary)"));
    }

    // Every check that needs no server, in one pass: [{ field, message }].
    function check(form) {
        var problems = [];
        Array.prototype.forEach.call(form.elements, function (field) {
            if (!field.name || !isShown(field)) { return; }
            var message = null;
            var empty = field.type === "checkbox" ? !field.checked : !(field.value || "").trim();
            var required = field.hasAttribute("required") || (field.getAttribute("data-val") === "true" && field.hasAttribute("data-val-required"));
            if (required && empty) {
                message = field.getAttribute("data-required-message") || field.getAttribute("data-val-required")
                    || ((field.tagName === "SELECT" ? "Vui lòng chọn " : "Vui lòng nhập ") + lowerFirst(labelOf(field)) + ".");
            } else if (field.hasAttribute("data-amount") && !empty && parseDong(field.value) === null) {
                message = labelOf(field).replace(/\s*\(đồng\)\s*$/, "") + " phải là số đồng nguyên, viết như 1.250.000.000.";
            } else if (!empty) {
                message = crossFieldProblem(field);
            }
            if (message) { problems.push({ field: field, message: message }); }
        });
        return problems;
    }

    function summaryLink(text, target) {
        var li = document.createElement("li");
        if (target) {
            var a = document.createElement("a");
            a.href = "#" + (target.id || "");
            a.setAttribute("data-field", target.name || "");
            a.textContent = text;
            li.appendChild(a);
        } else {
            li.textContent = text;
        }
        return li;
    }

    function showSummary(problems) {
        var main = document.getElementById("main") || document.body;
        var old = document.getElementById("error-summary");
        if (old) { old.parentNode.removeChild(old); }
        var box = document.createElement("div");
        box.className = "error-summary";
        box.id = "error-summary";
        box.setAttribute("role", "alert");
        box.setAttribute("aria-labelledby", "error-summary-title");
        box.setAttribute("tabindex", "-1");
        box.setAttribute("data-error-summary", "");
        var title = document.createElement("h2");
        title.className = "h5 error-summary-title";
        title.id = "error-summary-title";
        title.textContent = problems.length === 1 ? "Có 1 lỗi cần sửa" : "Có " + problems.length + " lỗi cần sửa";
        var list = document.createElement("ul");
        list.className = "error-summary-list";
        problems.forEach(function (p) { list.appendChild(summaryLink(p.message, p.field)); });
        box.appendChild(title);
        box.appendChild(list);
        main.insertBefore(box, main.firstChild);
        box.focus();
    }

    function reveal(target) {
        // A field inside a closed panel (Bootstrap collapse, <details>) is opened before it takes focus.
        var node = target;
        while (node && node !== document.body) {
            if (node.tagName === "DETAILS" && !node.open) { node.open = true; }
            if (node.classList && node.classList.contains("collapse") && !node.classList.contains("show")) { node.classList.add("show"); }
            node = node.parentElement;
        }
    }

    function targetOf(link) {
        var id = decodeURIComponent((link.getAttribute("href") || "").replace(/^#/, ""));
        var target = id ? document.getElementById(id) : null;
        var name = link.getAttribute("data-field");
        if (!target && name) {
            // Several forms on one page may use the same field names: prefer the open one.
            var candidates = Array.prototype.filter.call(document.getElementsByName(name), function (f) { return f.type !== "hidden"; });
            target = candidates.filter(function (f) { return !f.closest(".collapse:not(.show), details:not([open])"); })[0] || candidates[0] || null;
        }
        return target;
    }

    // The server's summary: links that find their field, entries in the order of the fields, focus on the summary.
    function prepareSummary() {
        var box = document.querySelector("[data-error-summary]");
        if (!box) { return; }
        var list = box.querySelector("ul");
        var items = Array.prototype.slice.call(list.children).map(function (li, index) {
            var link = li.querySelector("a");
            var target = link ? targetOf(link) : null;
            if (link && !target) {
                li.textContent = link.textContent;
            } else if (link && !target.id) {
                target.id = "field-" + index;
                link.setAttribute("href", "#" + target.id);
            } else if (link) {
                link.setAttribute("href", "#" + target.id);
            }
            return { li: li, target: target, index: index };
        });
        items.sort(function (a, b) {
            if (!a.target || !b.target) { return (a.target ? 1 : 0) - (b.target ? 1 : 0) || a.index - b.index; }
            return a.target === b.target ? a.index - b.index : (a.target.compareDocumentPosition(b.target) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1);
        });
        items.forEach(function (i) { list.appendChild(i.li); });
        box.focus();
    }

    document.addEventListener("click", function (event) {
        var link = event.target.closest ? event.target.closest("[data-error-summary] a") : null;
        if (!link) { return; }
        var target = targetOf(link);
        if (!target) { return; }
        event.preventDefault();
        reveal(target);
        var label = target.id ? document.querySelector("label[for='" + target.id + "']") : null;
        (label || target).scrollIntoView({ block: "start" });
        target.focus({ preventScroll: true });
    });

    document.addEventListener("submit", function (event) {
        var form = event.target;
        var submitter = event.submitter;
        var message = (submitter && submitter.getAttribute("data-confirm")) || form.getAttribute("data-confirm");
        // A form without a question is left to the server, which checks every field and rule in one pass and answers
        // with all of them (a client check first would split the mistakes over two submits). A form that asks first
        // is checked here, so the question is only asked about a form that will be accepted.
        if (!message && !form.hasAttribute("data-check-first") && !form.getAttribute("data-refuse")) { return; }
        var problems = check(form);
        // A step the page already knows will be refused (e.g. "Nộp hồ sơ" with mandatory documents missing) says why
        // instead of asking; the server refuses it the same way.
        if (form.getAttribute("data-refuse")) { problems.unshift({ field: null, message: form.getAttribute("data-refuse") }); }
        Array.prototype.forEach.call(form.elements, function (field) { if (field.name && field.classList.contains("input-validation-error")) { clearFieldError(field); } });
        if (window.jQuery && window.jQuery(form).data("validator") && !window.jQuery(form).valid()) {
            window.jQuery(form).data("validator").errorList.forEach(function (e) {
                if (!problems.some(function (p) { return p.field === e.element; })) { problems.push({ field: e.element, message: e.message }); }
            });
        }
        if (problems.length > 0) {
            event.preventDefault();
            event.stopImmediatePropagation();
            problems.forEach(function (p) { if (p.field) { showFieldError(p.field, p.message); } });
            showSummary(problems);
            return;
        }
        if (message) {
            message = message.replace(/\{([A-Za-z0-9_.]+)\}/g, function (all, name) {
                var field = form.elements[name];
                if (field && field.tagName === "SELECT" && field.selectedIndex >= 0) { return field.options[field.selectedIndex].text.trim(); }
                if (field && field.type === "date" && /^\d{4}-\d{2}-\d{2}$/.test(field.value)) { return field.value.split("-").reverse().join("/"); }
                return field && field.value ? field.value.trim() : "—";
            });
            if (!window.confirm(message)) {
                event.preventDefault();
                event.stopImmediatePropagation();
            }
        }
    }, true);

    // Cross-field rules warn while the user types (and the warning goes as soon as the rule holds again).
    function refreshWarnings(form) {
        if (!form) { return; }
        form.querySelectorAll("[data-not-above], [data-not-before]").forEach(function (field) {
            var id = (field.id || field.name) + "-warning";
            var box = document.getElementById(id);
            var problem = (field.value || "").trim() ? crossFieldProblem(field) : null;
            if (!box) {
                box = document.createElement("div");
                box.id = id;
                box.className = "field-warning small";
                box.setAttribute("aria-live", "polite");
                var anchor = field.parentNode.querySelector("[data-valmsg-for]") || field;
                anchor.insertAdjacentElement("afterend", box);
            }
            box.textContent = problem ? "Lưu ý: " + problem : "";
            describe(field, id, !!problem);
        });
    }

    document.addEventListener("input", function (event) { refreshWarnings(event.target.form); });
    document.addEventListener("change", function (event) { refreshWarnings(event.target.form); });

    // Wide tables read as stacked cards on a phone (ADR 0122): every table of the page with one header row and at
    // least four columns gets each cell labelled with its column's header (CSS shows "label: value" below 576 px).
    // Explicit roles keep it a table for screen readers once CSS has changed its display. data-no-cards opts out.
    function labelTables() {
        document.querySelectorAll("main table").forEach(function (table) {
            if (table.hasAttribute("data-no-cards") || !table.tHead || table.tHead.rows.length !== 1) { return; }
            var headers = [];
            Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
                for (var i = 0; i < th.colSpan; i++) { headers.push(th.colSpan > 1 ? "" : th.textContent.replace(/\s+/g, " ").trim()); }
            });
            if (headers.length < 4) { return; }
            table.classList.add("table-cards");
            table.setAttribute("role", "table");
            table.tHead.setAttribute("role", "rowgroup");
            Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) { th.setAttribute("role", "columnheader"); });
            table.tHead.rows[0].setAttribute("role", "row");
            Array.prototype.forEach.call(table.tFoot ? Array.prototype.concat.call(Array.prototype.slice.call(table.tBodies), [table.tFoot]) : table.tBodies, function (body) {
                body.setAttribute("role", "rowgroup");
                Array.prototype.forEach.call(body.rows, function (row) {
                    row.setAttribute("role", "row");
                    var column = 0;
                    Array.prototype.forEach.call(row.cells, function (cell) {
                        cell.setAttribute("role", cell.tagName === "TH" ? "rowheader" : "cell");
                        if (!cell.hasAttribute("data-label")) { cell.setAttribute("data-label", cell.tagName === "TH" || cell.colSpan > 1 ? "" : (headers[column] || "")); }
                        column += cell.colSpan;
                    });
                });
            });
        });
    }

    // A table that scrolls sideways inside .table-responsive can be scrolled with the keyboard too (WCAG 2.1.1).
    function focusableScrollers() {
        document.querySelectorAll(".table-responsive").forEach(function (box) {
            if (box.scrollWidth > box.clientWidth + 1) {
                box.setAttribute("tabindex", "0");
                if (!box.hasAttribute("role")) { box.setAttribute("role", "region"); }
                var caption = box.querySelector("caption");
                var heading = box.closest("section") ? box.closest("section").querySelector("h2, h3") : null;
                if (!box.hasAttribute("aria-label")) { box.setAttribute("aria-label", ((caption || heading || {}).textContent || "Bảng").trim() + " (cuộn ngang)"); }
            } else if (box.getAttribute("tabindex") === "0") {
                box.removeAttribute("tabindex");
            }
        });
    }
    window.addEventListener("resize", focusableScrollers);

    function start() {
        labelTables();
        focusableScrollers();
        prepareSummary();
        document.querySelectorAll("form").forEach(refreshWarnings);
    }
    if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
