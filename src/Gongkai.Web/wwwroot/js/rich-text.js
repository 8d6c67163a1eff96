// A small rich-text editor for textareas marked data-rich-text: staff write or paste formatted text, the form posts
// HTML, and the server keeps only its sanitized form. Without JavaScript the textarea takes HTML directly.
(function () {
    "use strict";

    var commands = [
        { label: "正文段落", command: "formatBlock", value: "p" },
        { label: "标题", command: "formatBlock", value: "h2" },
        { label: "小标题", command: "formatBlock", value: "h3" },
        { label: "加粗", command: "bold" },
        { label: "项目符号", command: "insertUnorderedList" },
        { label: "编号", command: "insertOrderedList" },
        { label: "链接", command: "createLink" },
        { label: "清除格式", command: "removeFormat" }
    ];

    function enhance(textarea) {
        var label = document.querySelector("label[for='" + textarea.id + "']");
        var toolbar = document.createElement("div");
        toolbar.className = "rich-text-toolbar";
        toolbar.setAttribute("role", "toolbar");
        toolbar.setAttribute("aria-label", "正文格式");

        var editor = document.createElement("div");
        editor.className = "rich-text-editor";
        editor.contentEditable = "true";
        editor.setAttribute("role", "textbox");
        editor.setAttribute("aria-multiline", "true");
        if (label) {
            label.id = label.id || textarea.id + "-label";
            editor.setAttribute("aria-labelledby", label.id);
        }
        if (textarea.getAttribute("aria-describedby")) {
            editor.setAttribute("aria-describedby", textarea.getAttribute("aria-describedby"));
        }
        editor.innerHTML = textarea.value;

        commands.forEach(function (c) {
            var button = document.createElement("button");
            button.type = "button";
            button.className = "button secondary";
            button.textContent = c.label;
            button.addEventListener("click", function () {
                editor.focus();
                var value = c.value;
                if (c.command === "createLink") {
                    value = window.prompt("链接地址（https://…）", "https://");
                    if (!value || !/^(https?:|mailto:)/i.test(value)) {
                        return;
                    }
                }
                document.execCommand(c.command, false, value);
            });
            toolbar.appendChild(button);
        });

        var source = document.createElement("button");
        source.type = "button";
        source.className = "button secondary";
        source.textContent = "编辑 HTML";
        source.setAttribute("aria-pressed", "false");
        source.addEventListener("click", function () {
            var showingSource = textarea.hidden === false;
            if (showingSource) {
                editor.innerHTML = textarea.value;
            } else {
                textarea.value = editor.innerHTML;
            }
            textarea.hidden = showingSource;
            editor.hidden = !showingSource;
            source.setAttribute("aria-pressed", showingSource ? "false" : "true");
        });
        toolbar.appendChild(source);

        textarea.hidden = true;
        textarea.parentNode.insertBefore(toolbar, textarea);
        textarea.parentNode.insertBefore(editor, textarea);
        if (label) {
            label.addEventListener("click", function () { (textarea.hidden ? editor : textarea).focus(); });
        }
        textarea.form.addEventListener("submit", function () {
            if (textarea.hidden) {
                textarea.value = editor.innerHTML;
            }
        });
    }

    document.querySelectorAll("textarea[data-rich-text]").forEach(enhance);
})();
