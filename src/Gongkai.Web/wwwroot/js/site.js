// The portal's only script. The content security policy runs no inline handlers, so buttons say what they do in
// data- attributes and this file gives them their behaviour.
document.addEventListener('click', function (event) {
    var target = event.target instanceof Element ? event.target.closest('[data-print]') : null;
    if (target) {
        event.preventDefault();
        window.print();
    }
});
