#!/usr/bin/env python3
"""Draws the example knowledge base's images (PNG, JPEG) with Pillow; the SVG is written by hand.
Run again only to change them: the images are committed."""
import math, pathlib
from PIL import Image, ImageDraw

out = pathlib.Path(__file__).resolve().parent.parent / "examples/ml-notes/.vuepress/public/illustration"
out.mkdir(parents=True, exist_ok=True)

# A loss curve with gradient-descent steps (PNG).
img = Image.new("RGB", (480, 320), "white")
d = ImageDraw.Draw(img)
d.line([(40, 280), (460, 280)], fill="black", width=2)
d.line([(40, 280), (40, 20)], fill="black", width=2)
def loss_y(x):
    """Screen y of the loss valley: lowest loss (x = 250) drawn near the bottom."""
    return 260 - 0.0045 * (x - 250) ** 2

d.line([(x, loss_y(x)) for x in range(44, 460, 4)], fill=(30, 90, 200), width=3)
x = 70.0
for step in range(6):
    y = loss_y(x)
    d.ellipse([x - 5, y - 5, x + 5, y + 5], fill=(220, 60, 40))
    x += 0.45 * (250 - x)
img.save(out / "gradient-descent.png", optimize=True)

# A soft "photo" of a neural activation map (JPEG).
img = Image.new("RGB", (400, 260))
px = img.load()
for i in range(400):
    for j in range(260):
        v = math.sin(i / 23.0) * math.cos(j / 17.0)
        px[i, j] = (int(120 + 100 * v), int(80 + 60 * math.sin(i / 40.0)), int(160 - 90 * v))
img.save(out / "activation-map.jpg", quality=80)
print("wrote", sorted(p.name for p in out.iterdir()))
