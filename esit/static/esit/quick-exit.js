// Quick exit: leave at once for a neutral page and keep this site out of the back button.
// Without JavaScript the control is a plain link and still works.
(function () {
  var link = document.querySelector("[data-quick-exit]");
  if (!link) return;
  function leave(event) {
    if (event) event.preventDefault();
    document.body.style.display = "none";
    window.location.replace(link.href);
  }
  link.addEventListener("click", leave);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && event.shiftKey) leave(event);
  });
})();
