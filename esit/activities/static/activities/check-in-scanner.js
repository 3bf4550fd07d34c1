/*
 * The check-in page's camera scanner (progressive enhancement).
 *
 * Without JavaScript, or without a camera API, the page is a form with one
 * field a handheld scanner or a person types the volunteer's code into. With
 * both, a "Scan with camera" button appears: it opens the camera, reads the QR
 * code in the volunteer's card with the browser's BarcodeDetector where it
 * knows QR codes, otherwise with the self-hosted jsQR (loaded only then), puts
 * the code into that same field and submits the form. The server's answer is
 * the same as for a typed code.
 *
 * Our Content Security Policy allows scripts from this site only, with no
 * inline code and no eval: this file and jsQR are plain static files, and all
 * the words shown come from data attributes the template translated.
 *
 * While the camera is on, the next page opens it again by itself (a queue at
 * the door), and the code just sent is not sent again if it is still in view.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-scanner]");
  var media = navigator.mediaDevices;
  if (!root || !media || typeof media.getUserMedia !== "function") {
    return; // the typed code stays the way in
  }
  var form = root.closest("form");
  var input = form && form.querySelector("input[name=code]");
  var startButton = root.querySelector("[data-scanner-start]");
  var stopButton = root.querySelector("[data-scanner-stop]");
  var video = root.querySelector("[data-scanner-video]");
  var status = root.querySelector("[data-scanner-status]");
  if (!input || !startButton || !stopButton || !video || !status) {
    return;
  }

  var STATE_KEY = "esit.checkin.scanner:" + window.location.pathname;
  var LAST_KEY = STATE_KEY + ":last";
  var MAX_WIDTH = 640; // enough pixels for a QR code, few enough for a phone
  var stream = null;
  var timer = null;
  var busy = false;
  var detector = null;
  var canvas = null;

  function remember(key, value) {
    try {
      if (value === null) {
        window.sessionStorage.removeItem(key);
      } else {
        window.sessionStorage.setItem(key, value);
      }
    } catch (error) {
      // Private browsing may refuse storage: the scanner works, it just forgets.
    }
  }

  function recall(key) {
    try {
      return window.sessionStorage.getItem(key);
    } catch (error) {
      return null;
    }
  }

  function say(name) {
    status.textContent = name ? root.getAttribute("data-text-" + name) || "" : "";
  }

  function loadJsQR() {
    if (window.jsQR) {
      return Promise.resolve(window.jsQR);
    }
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = root.getAttribute("data-jsqr-src");
      script.onload = function () {
        if (window.jsQR) {
          resolve(window.jsQR);
        } else {
          reject(new Error("jsQR did not load"));
        }
      };
      script.onerror = function () {
        reject(new Error("jsQR did not load"));
      };
      document.head.appendChild(script);
    });
  }

  function nativeDetector() {
    if (!("BarcodeDetector" in window)) {
      return Promise.resolve(null);
    }
    return window.BarcodeDetector.getSupportedFormats()
      .then(function (formats) {
        return formats.indexOf("qr_code") === -1
          ? null
          : new window.BarcodeDetector({ formats: ["qr_code"] });
      })
      .catch(function () {
        return null;
      });
  }

  function readFrame() {
    if (video.readyState < 2 || !video.videoWidth) {
      return Promise.resolve(null);
    }
    if (detector) {
      return detector.detect(video).then(function (codes) {
        return codes.length ? codes[0].rawValue : null;
      });
    }
    var scale = Math.min(1, MAX_WIDTH / video.videoWidth);
    var width = Math.round(video.videoWidth * scale);
    var height = Math.round(video.videoHeight * scale);
    canvas = canvas || document.createElement("canvas");
    canvas.width = width;
    canvas.height = height;
    var context = canvas.getContext("2d", { willReadFrequently: true });
    context.drawImage(video, 0, 0, width, height);
    var found = window.jsQR(context.getImageData(0, 0, width, height).data, width, height);
    return Promise.resolve(found ? found.data : null);
  }

  function tick() {
    if (!stream || busy) {
      return;
    }
    busy = true;
    readFrame().then(
      function (code) {
        busy = false;
        code = (code || "").trim();
        if (code && code !== recall(LAST_KEY)) {
          send(code);
        }
      },
      function () {
        busy = false;
      }
    );
  }

  function send(code) {
    stopCamera();
    remember(LAST_KEY, code);
    input.value = code;
    say("found");
    if (typeof form.requestSubmit === "function") {
      form.requestSubmit();
    } else {
      form.submit();
    }
  }

  function stopCamera() {
    if (timer !== null) {
      window.clearInterval(timer);
      timer = null;
    }
    if (stream) {
      stream.getTracks().forEach(function (track) {
        track.stop();
      });
      stream = null;
    }
    video.srcObject = null;
    video.hidden = true;
    stopButton.hidden = true;
    startButton.hidden = false;
    startButton.disabled = false;
  }

  function start() {
    startButton.disabled = true;
    say("starting");
    remember(STATE_KEY, "on");
    Promise.all([media.getUserMedia({ video: { facingMode: "environment" }, audio: false }), nativeDetector()])
      .then(function (results) {
        stream = results[0];
        detector = results[1];
        root.setAttribute("data-reader", detector ? "barcode-detector" : "jsqr");
        return detector ? null : loadJsQR();
      })
      .then(function () {
        video.srcObject = stream;
        video.hidden = false;
        startButton.hidden = true;
        stopButton.hidden = false;
        return video.play();
      })
      .then(function () {
        say("scanning");
        timer = window.setInterval(tick, 200);
      })
      .catch(function () {
        stopCamera();
        remember(STATE_KEY, null);
        say("unavailable");
        input.focus();
      });
  }

  startButton.addEventListener("click", start);
  stopButton.addEventListener("click", function () {
    stopCamera();
    remember(STATE_KEY, null);
    remember(LAST_KEY, null);
    say("");
    input.focus();
  });
  window.addEventListener("pagehide", stopCamera);

  root.hidden = false;
  if (recall(STATE_KEY) === "on") {
    start();
  } else {
    remember(LAST_KEY, null);
  }
})();
