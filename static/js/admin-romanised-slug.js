// The page editor's slug from a Japanese title: Wagtail's own sync keeps only ASCII letters
// (「渋谷、午前零時」 gives nothing, 「AIと映画」 gives "ai"), so while the editor has not typed
// a slug themselves, ask the server for the romanised one each time the title changes.
(() => {
  const title = document.querySelector('#id_title');
  const slug = document.querySelector('#id_slug');
  const url = document.querySelector('[data-romanised-slug-url]')?.dataset.romanisedSlugUrl;
  if (!title || !slug || !url || !window.location.pathname.includes('/add/')) return;

  let typedByEditor = false;
  let timer;
  slug.addEventListener('input', (event) => {
    if (event.isTrusted) typedByEditor = true;
  });

  const update = async () => {
    if (typedByEditor || !/[^\x00-\x7F]/.test(title.value)) return;
    const response = await fetch(`${url}?${new URLSearchParams({ title: title.value })}`, {
      credentials: 'same-origin',
    });
    if (!response.ok || typedByEditor) return;
    const { slug: romanised } = await response.json();
    if (romanised) slug.value = romanised;
  };
  title.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(update, 300);
  });
  title.addEventListener('change', update);
})();
