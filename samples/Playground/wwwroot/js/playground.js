// Browser helpers of the AutogradForDummies playground: drawing DOT with Graphviz (WebAssembly), painting the
// decision regions on a canvas, and copying text. Everything else is computed in C# by the library itself.

let vizPromise = null;

function viz() {
  if (vizPromise === null) {
    vizPromise = import("../lib/viz/viz.js").then(m => m.instance());
    vizPromise.catch(() => { vizPromise = null; });
  }
  return vizPromise;
}

// Renders DOT text into `container` as SVG and marks nodes by their DOT ids (n0, n1, ...): `current` gets the class
// "current", each of `targets` "target" and each of `done` "done". Returns "" or an error message.
export async function renderDot(container, dot, label, current, targets, done) {
  let instance;
  try {
    instance = await viz();
  } catch (e) {
    container.replaceChildren();
    return "Graphviz for the browser could not be loaded (lib/viz/viz.js): " + e;
  }
  let svg;
  try {
    svg = instance.renderSVGElement(dot);
  } catch (e) {
    return "Graphviz could not draw the graph: " + e;
  }
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", label);
  svg.classList.add("graph");
  const marks = new Map();
  if (current) marks.set(current, "current");
  for (const id of targets || []) marks.set(id, "target");
  for (const id of done || []) if (!marks.has(id)) marks.set(id, "done");
  for (const g of svg.querySelectorAll("g.node")) {
    const title = g.querySelector("title");
    const id = title ? title.textContent : "";
    g.setAttribute("data-node", id);
    const mark = marks.get(id);
    if (mark) g.classList.add(mark);
  }
  container.replaceChildren(svg);
  // Fit a wide graph to the panel, but never shrink its text below about 70% (then the panel scrolls).
  const natural = svg.width.baseVal.value;
  const available = container.clientWidth - 16;
  if (natural > available && available > 0) {
    svg.style.maxWidth = "none";
    svg.style.width = Math.round(natural * Math.max(available / natural, 0.7)) + "px";
    svg.style.height = "auto";
  }
  return "";
}

// Paints an RGBA image of `columns` x `rows` cells over the whole canvas, then the points on top.
// xs, ys: the points in canvas pixels; colors: one CSS color per class; classes: each point's class;
// selected: the index of the selected point or -1.
export function drawRegions(canvas, rgba, columns, rows, xs, ys, classes, colors, selected) {
  const context = canvas.getContext("2d");
  const cells = new ImageData(new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, rgba.byteLength), columns, rows);
  const buffer = document.createElement("canvas");
  buffer.width = columns;
  buffer.height = rows;
  buffer.getContext("2d").putImageData(cells, 0, 0);
  context.imageSmoothingEnabled = true;
  context.clearRect(0, 0, canvas.width, canvas.height);
  context.drawImage(buffer, 0, 0, canvas.width, canvas.height);
  for (let i = 0; i < xs.length; i++) {
    context.beginPath();
    context.arc(xs[i], ys[i], i === selected ? 7 : 4, 0, 2 * Math.PI);
    context.fillStyle = colors[classes[i] % colors.length];
    context.fill();
    context.lineWidth = i === selected ? 3 : 1;
    context.strokeStyle = i === selected ? "#000000" : "#ffffff";
    context.stroke();
  }
}

// Copies text to the clipboard; returns true when it worked.
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement("textarea");
    area.value = text;
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }
}

// Waits for the next animation frame, so that the browser paints before training goes on.
export function nextFrame() {
  return new Promise(resolve => requestAnimationFrame(() => resolve(performance.now())));
}
