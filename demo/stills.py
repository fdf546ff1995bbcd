"""Demo pictures that read as film stills: a scene (a city at night, a sea at dusk, mountains at
dawn) in a colour grade, with the letterbox of a scope frame, a vignette and film grain. Made
with Pillow from a seed, so the demo never downloads a picture."""

import random

from PIL import Image, ImageChops, ImageDraw, ImageFilter

GRADES = [  # (sky top, sky at the horizon, ground, light)
    ((12, 18, 40), (196, 92, 64), (14, 12, 20), (255, 196, 120)),  # dusk
    ((6, 10, 24), (40, 60, 110), (8, 10, 16), (255, 220, 160)),  # night
    ((40, 70, 110), (230, 170, 120), (30, 36, 40), (255, 236, 200)),  # dawn
    ((20, 40, 44), (120, 160, 150), (18, 26, 26), (230, 250, 220)),  # teal
]


def mix(a, b, t):
    return tuple(int(a[i] + (b[i] - a[i]) * t) for i in range(3))


def sky(draw, size, top, horizon, horizon_y):
    width, _height = size
    for y in range(horizon_y):
        draw.line([(0, y), (width, y)], fill=mix(top, horizon, (y / horizon_y) ** 1.6))


def blurred(size, draw_shape, radius, mode="RGB"):
    """A soft shape, drawn and blurred at an eighth of the size (fast), then scaled up."""
    small = Image.new(mode, (size[0] // 8, size[1] // 8))
    draw_shape(ImageDraw.Draw(small), 1 / 8)
    return small.filter(ImageFilter.GaussianBlur(radius / 8)).resize(size, Image.BILINEAR)


def glow(picture, centre, radius, colour):
    x, y = centre

    def sun(draw, k):
        draw.ellipse(
            [(x - radius) * k, (y - radius) * k, (x + radius) * k, (y + radius) * k], colour
        )

    return ImageChops.screen(picture, blurred(picture.size, sun, radius * 0.8))


def city(picture, rng, grade, horizon_y, _light_x):
    draw = ImageDraw.Draw(picture)
    width, height = picture.size
    x = 0
    while x < width:
        w = rng.randint(40, 140)
        top = horizon_y - rng.randint(40, int(height * 0.45))
        draw.rectangle([x, top, x + w, height], fill=grade[2])
        for wy in range(top + 12, height, 22):
            for wx in range(x + 8, x + w - 8, 18):
                if rng.random() < 0.28:
                    draw.rectangle([wx, wy, wx + 6, wy + 9], fill=mix(grade[3], grade[2], 0.3))
        x += w + rng.randint(0, 12)


def sea(picture, rng, grade, horizon_y, sun_x):
    draw = ImageDraw.Draw(picture)
    width, height = picture.size
    for y in range(horizon_y, height):
        t = (y - horizon_y) / (height - horizon_y)
        draw.line([(0, y), (width, y)], fill=mix(mix(grade[1], grade[2], 0.5), grade[2], t))
    for y in range(horizon_y + 4, height, 7):
        half = int((y - horizon_y) * 0.35 + 10) * rng.uniform(0.6, 1.2)
        draw.line([(sun_x - half, y), (sun_x + half, y)], fill=mix(grade[3], grade[2], 0.55))


def mountains(picture, rng, grade, horizon_y, _light_x):
    draw = ImageDraw.Draw(picture)
    width, height = picture.size
    for layer in range(4):
        base = horizon_y + layer * 40
        points, x = [(0, height)], 0
        while x <= width:
            points.append((x, base - rng.randint(20, 160 - layer * 30)))
            x += rng.randint(60, 160)
        points += [(width, base), (width, height)]
        draw.polygon(points, fill=mix(grade[1], grade[2], 0.45 + layer * 0.18))


def film_still(seed, size=(1600, 900), letterbox=True):
    rng = random.Random(seed)
    grade = GRADES[rng.randrange(len(GRADES))]
    width, height = size
    horizon_y = int(height * rng.uniform(0.55, 0.68))
    picture = Image.new("RGB", size, grade[2])
    sky(ImageDraw.Draw(picture), size, grade[0], grade[1], horizon_y)
    light_x = rng.randint(width // 5, 4 * width // 5)
    picture = glow(picture, (light_x, horizon_y - 20), rng.randint(60, 140), grade[3])
    scene = rng.choice([city, sea, mountains])
    scene(picture, rng, grade, horizon_y, light_x)

    # A vignette and film grain, then the 2.39:1 letterbox of a scope frame.
    def lens(draw, k):
        draw.ellipse([-width * 0.2 * k, -height * 0.3 * k, width * 1.2 * k, height * 1.3 * k], 255)

    vignette = blurred(size, lens, 120, mode="L")
    picture = Image.composite(picture, Image.new("RGB", size), vignette)
    grain = Image.effect_noise(size, 28).convert("RGB")
    picture = Image.blend(picture, ImageChops.overlay(picture, grain), 0.35)
    if not letterbox:  # a hero picture is cropped to any shape: bars would show as bands
        return picture
    bar = max(0, int((height - width / 2.39) / 2))
    ImageDraw.Draw(picture).rectangle([0, 0, width, bar], fill=(0, 0, 0))
    ImageDraw.Draw(picture).rectangle([0, height - bar, width, height], fill=(0, 0, 0))
    return picture
