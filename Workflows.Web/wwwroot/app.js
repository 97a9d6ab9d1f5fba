// Small browser helpers the Blazor components call through JS interop.
window.workflows = {
    getTheme: () => {
        const match = document.cookie.match(/(?:^|; )wf-theme=([^;]*)/);
        return match ? decodeURIComponent(match[1]) : null;
    },
    setTheme: (value) => {
        document.cookie = `wf-theme=${encodeURIComponent(value)}; path=/; max-age=31536000; samesite=lax`;
    },
    focusTask: (taskId) => {
        const element = document.querySelector(`.wf-task[data-task="${CSS.escape(taskId)}"]`);
        if (element) {
            element.classList.add('wf-task-focus');
            element.scrollIntoView({ behavior: 'smooth', block: 'center' });
        }
    },
    downloadText: (fileName, contentType, text) => {
        const blob = new Blob([text], { type: contentType });
        const url = URL.createObjectURL(blob);
        const a = document.createElement('a');
        a.href = url;
        a.download = fileName;
        document.body.appendChild(a);
        a.click();
        a.remove();
        URL.revokeObjectURL(url);
    },
    // Draws an SVG document onto a canvas and downloads it as PNG: twice the size for sharp print, less when that would
    // exceed what a browser canvas holds.
    downloadSvgAsPng: async (fileName, svgText) => {
        const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
        try {
            const image = new Image();
            await new Promise((resolve, reject) => {
                image.onload = resolve;
                image.onerror = () => reject(new Error('The browser could not draw the diagram.'));
                image.src = url;
            });
            const scale = Math.min(2, 16000 / Math.max(image.width, image.height, 1));
            const canvas = document.createElement('canvas');
            canvas.width = Math.ceil(image.width * scale);
            canvas.height = Math.ceil(image.height * scale);
            const context = canvas.getContext('2d');
            context.scale(scale, scale);
            context.drawImage(image, 0, 0);
            const png = await new Promise(resolve => canvas.toBlob(resolve, 'image/png'));
            if (!png) {
                throw new Error('The diagram is too large for a PNG.');
            }
            const link = document.createElement('a');
            link.href = URL.createObjectURL(png);
            link.download = fileName;
            document.body.appendChild(link);
            link.click();
            link.remove();
            URL.revokeObjectURL(link.href);
        } finally {
            URL.revokeObjectURL(url);
        }
    },
    print: () => window.print(),
    // Ctrl+S (or Cmd+S) saves the workflow instead of the browser saving the page.
    builderShortcuts: (dotnet) => {
        const handler = (e) => {
            if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === 's' || e.key === 'S')) {
                e.preventDefault();
                dotnet.invokeMethodAsync('SaveFromKeyboard');
            }
        };
        document.addEventListener('keydown', handler);
        return { dispose: () => document.removeEventListener('keydown', handler) };
    },
};

// MudBlazor puts a table's attributes on its wrapper, not on the <table>: a wrapper's data-table-name becomes the
// table's accessible name ("Records"), so screen readers announce which table they entered.
new MutationObserver(() => {
    for (const wrapper of document.querySelectorAll('[data-table-name]')) {
        const table = wrapper.querySelector('table');
        const name = wrapper.getAttribute('data-table-name');
        if (table && table.getAttribute('aria-label') !== name) {
            table.setAttribute('aria-label', name);
        }
    }
}).observe(document.documentElement, { childList: true, subtree: true });

// Escape closes an open menu (MudBlazor's menus close on a click outside, not on Escape): the click lands on the
// transparent overlay an open menu lays over the page, exactly as a click outside would. Only when the topmost popover
// is a menu, so selects and autocompletes keep their own Escape; and the key goes no further, so a dialog under the
// menu stays open.
document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || e.defaultPrevented) {
        return;
    }

    const open = [...document.querySelectorAll('.mud-popover-open')];
    const top = open[open.length - 1];
    const overlay = document.querySelector('.mud-popover-provider > .mud-overlay');
    if (top && top.querySelector('[role=menu], .mud-menu-list') && overlay) {
        e.preventDefault();
        e.stopPropagation();
        overlay.click();
    }
}, true);
