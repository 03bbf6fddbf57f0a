import { download, fileSlug } from './download';

/** Presentation properties copied inline, so the file looks like the chart without the page's stylesheet. */
const STYLED = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'font-size',
  'font-family',
  'opacity',
];

/** The chart's SVG as a standalone file, its styles inlined. */
function standaloneSvg(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const source = [svg, ...svg.querySelectorAll('*')];
  const target = [copy, ...copy.querySelectorAll('*')];
  source.forEach((el, i) => {
    const style = getComputedStyle(el);
    const inline = STYLED.map((p) => `${p}:${style.getPropertyValue(p)}`).join(';');
    target[i].setAttribute('style', inline);
  });
  const { width, height } = svg.viewBox.baseVal;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  return new XMLSerializer().serializeToString(copy);
}

function toPng(markup: string, width: number, height: number, scale = 2): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => {
      const canvas = Object.assign(document.createElement('canvas'), { width: width * scale, height: height * scale });
      const context = canvas.getContext('2d');
      if (!context) return reject(new Error('no canvas'));
      context.fillStyle = '#fff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png');
    };
    image.onerror = () => reject(new Error('the chart could not be drawn'));
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
  });
}

/** "SVG" and "PNG" buttons for the chart in `figure`, named after `title`. */
export function chartDownloads(figure: HTMLElement, title: string): HTMLElement {
  const box = document.createElement('div');
  box.className = 'chart-downloads';
  for (const kind of ['SVG', 'PNG'] as const) {
    const button = Object.assign(document.createElement('button'), { type: 'button', textContent: kind });
    button.setAttribute('aria-label', `Download “${title}” as ${kind}`);
    button.addEventListener('click', async () => {
      const svg = figure.querySelector('svg');
      if (!svg) return;
      const markup = standaloneSvg(svg);
      const name = `${fileSlug(title)}.${kind.toLowerCase()}`;
      if (kind === 'SVG') download(name, markup, 'image/svg+xml');
      else {
        const { width, height } = svg.viewBox.baseVal;
        const blob = await toPng(markup, width, height);
        download(name, blob, 'image/png');
      }
    });
    box.append(button);
  }
  return box;
}
