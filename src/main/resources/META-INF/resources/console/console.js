// Progressive enhancement only: every page works without this file.
// The override form shows just the fields of the chosen kind (decision, one finding, deadline).
document.addEventListener('DOMContentLoaded', function () {
  var form = document.getElementById('override-form');
  if (!form) {
    return;
  }
  function sync() {
    var kind = form.querySelector('input[name="kind"]:checked');
    var value = kind ? kind.value : 'decision';
    form.querySelectorAll('[data-kind]').forEach(function (el) {
      el.hidden = el.getAttribute('data-kind').split(' ').indexOf(value) < 0;
    });
  }
  form.querySelectorAll('input[name="kind"]').forEach(function (r) {
    r.addEventListener('change', sync);
  });
  sync();
});
