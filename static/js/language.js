// Remember the language the visitor last read the site in, so that `/` brings them back to it
// (Django's LocaleMiddleware reads this cookie before Accept-Language). Set here rather than by
// the server: a Set-Cookie would make every page per-visitor, and no shared cache could keep it.
(function () {
  var script = document.currentScript;
  var language = document.documentElement.getAttribute("lang");
  var name = script && script.getAttribute("data-language-cookie");
  if (!language || !name) return;
  var current = document.cookie.split("; ").filter(function (c) { return c.indexOf(name + "=") === 0; })[0];
  if (current === name + "=" + language) return;
  var secure = location.protocol === "https:" ? "; Secure" : "";
  document.cookie = name + "=" + language + "; Path=/; Max-Age=" + script.getAttribute("data-language-cookie-age") + "; SameSite=Lax" + secure;
})();
