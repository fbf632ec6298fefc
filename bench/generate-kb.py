#!/usr/bin/env python3
"""A synthetic VuePress/Plume knowledge base of N articles, for the benchmark.

    bench/generate-kb.py N OUT

Deterministic: the same N gives the same bytes (a fixed seed per article). The mix of an article
follows the real corpora (../shared/corpus: plume-docs' 343 files and the seed article), counted
per article: about 4.6 KB of Markdown (here 5.3 KB); ~8 headings, ~13 list items, ~8 code blocks,
~6 containers, ~1.4 tables (here 2), ~4 links (here half between articles by permalink, half
external), ~0.4 images. Chinese characters are 0.07 of all characters in plume-docs (half of it is
the English locale, and much is code) and 0.54 in the seed; here 0.27.
Those corpora are documentation; the knowledge bases this tool is for are notes with math like
the seed, so formulas (2 inline, 0.5 display per article) and footnotes (0.5 per article) are set
between plume-docs (0.2 / 0.01 / 0.05) and the seed (11 formulas, 6 references). Prose is Chinese
with English terms, as in both. Articles are grouped in parts of 50 (top-level folders).
"""
import os
import random
import struct
import sys
import zlib

CJK = ("模型 训练 数据 特征 网络 梯度 损失 函数 参数 优化 推理 部署 样本 标签 向量 矩阵 卷积 注意力 "
       "编码器 解码器 检测 分类 回归 聚类 采样 分布 概率 期望 方差 误差 精度 召回 配置 主题 插件 组件 "
       "页面 文档 目录 路径 链接 图片 代码 示例 说明 注意 提示 警告 步骤 结果 方法 问题 原因 过程").split()
ENGLISH = ("Transformer ResNet YOLO PyTorch CUDA GPU batch epoch dropout embedding tokenizer VuePress "
           "Markdown frontmatter plugin theme config API JSON YAML TypeScript Vite webpack").split()
PUNCT = ["，", "，", "；", "。"]
LANGS = ["ts", "js", "python", "bash", "json", "yaml", "md", "vue", "css"]
CONTAINERS = ["tip", "note", "info", "warning", "caution", "details", "steps"]
FORMULAS_INLINE = [r"\alpha + \beta", r"x_i^2", r"\frac{1}{n}\sum_{i=1}^{n} x_i", r"\mathbf{W}x + b",
                   r"\sigma(z) = \frac{1}{1+e^{-z}}", r"O(n \log n)", r"\hat{y}", r"p(x \mid \theta)"]
FORMULAS_DISPLAY = [r"\mathcal{L} = -\sum_{i} y_i \log \hat{y}_i",
                    r"\mathrm{Attention}(Q,K,V) = \mathrm{softmax}\left(\frac{QK^\top}{\sqrt{d_k}}\right)V",
                    r"\begin{aligned} a &= b + c \\ d &= e f \end{aligned}",
                    r"\nabla_\theta J(\theta) = \mathbb{E}\left[\nabla_\theta \log \pi_\theta(a \mid s)\, R\right]"]
PER_PART = 50


def sentence(rng: random.Random) -> str:
    words = []
    for _ in range(rng.randint(5, 10)):
        words.append(rng.choice(ENGLISH) if rng.random() < 0.15 else rng.choice(CJK))
    text = ""
    for index, word in enumerate(words):
        ascii_word = word.isascii()
        if index and (ascii_word or words[index - 1].isascii()):
            text += " "
        text += word
    return text + rng.choice(PUNCT)


def paragraph(rng: random.Random, n: int, links: list) -> str:
    parts = [sentence(rng) for _ in range(rng.randint(1, 3))]
    if links:
        parts.insert(rng.randrange(len(parts) + 1), links.pop())
    return "".join(parts)


def code_block(rng: random.Random) -> str:
    lang = rng.choice(LANGS)
    lines = [f"const {rng.choice(ENGLISH).lower()}{i} = {rng.randint(0, 999)} // {rng.choice(CJK)}"
             for i in range(rng.randint(3, 8))]
    title = f' title="{rng.choice(ENGLISH).lower()}.{lang}"' if rng.random() < 0.3 else ""
    return f"```{lang}{title}\n" + "\n".join(lines) + "\n```"


def table(rng: random.Random) -> str:
    columns = rng.randint(2, 4)
    rows = ["| " + " | ".join(rng.choice(CJK) + rng.choice(CJK) for _ in range(columns)) + " |",
            "| " + " | ".join("---" for _ in range(columns)) + " |"]
    for _ in range(rng.randint(2, 6)):
        rows.append("| " + " | ".join(f"`{rng.choice(ENGLISH)}`" if rng.random() < 0.3 else sentence(rng)[:-1]
                                      for _ in range(columns)) + " |")
    return "\n".join(rows)


def container(rng: random.Random, links: list) -> str:
    kind = rng.choice(CONTAINERS)
    if kind == "steps":
        body = "\n".join(f"{i}. {sentence(rng)}" for i in range(1, rng.randint(3, 5)))
    else:
        body = paragraph(rng, 0, links)
    title = f" {rng.choice(CJK)}{rng.choice(CJK)}" if kind != "steps" and rng.random() < 0.5 else ""
    return f"::: {kind}{title}\n{body}\n:::"


def article(index: int, count: int) -> str:
    rng = random.Random(1_000_003 * count + index)
    title = f"{rng.choice(CJK)}{rng.choice(CJK)}与{rng.choice(ENGLISH)} {index + 1}"
    day = index % 28 + 1
    month = index // 28 % 12 + 1
    out = ["---", f"title: {title}", f"createTime: 2024/{month:02d}/{day:02d} 10:{index % 60:02d}:00",
           f"permalink: /notes/{index:05d}/", f"tags:\n  - {rng.choice(ENGLISH)}\n  - {rng.choice(CJK)}", "---", ""]
    links = []
    for _ in range(2):
        target = rng.randrange(count)
        links.append(f"参见[{rng.choice(CJK)}](/notes/{target:05d}/)。")
    links.append(f"[{rng.choice(ENGLISH)}](https://example.com/{rng.choice(ENGLISH).lower()})")
    links.append(f"[文档](https://vuejs.org/guide/{index % 17})")
    footnote = rng.random() < 0.5
    out.append(paragraph(rng, 0, links) + (f"[^{index}]" if footnote else ""))
    for section in range(rng.randint(6, 9)):
        out += ["", f"## {rng.choice(CJK)}{rng.choice(CJK)} {rng.choice(ENGLISH)}", ""]
        out.append(paragraph(rng, 0, links))
        roll = rng.random()
        out += ["", code_block(rng)]
        if roll < 0.2:
            out += ["", table(rng)]
        if roll < 0.7:
            out += ["", container(rng, links)]
        if roll < 0.5:
            out += [""] + [f"- {sentence(rng)}" for _ in range(rng.randint(2, 4))]
        if rng.random() < 0.13:
            out += ["", f"设 ${rng.choice(FORMULAS_INLINE)}$，则 ${rng.choice(FORMULAS_INLINE)}$ {sentence(rng)}"]
        if rng.random() < 0.06:
            out += ["", "$$", rng.choice(FORMULAS_DISPLAY), "$$"]
        if rng.random() < 0.05:
            image = rng.choice(["/illustration/chart.png", "/illustration/diagram.svg"])
            out += ["", f"![{rng.choice(CJK)}]({image})"]
    if footnote:
        out += ["", f"[^{index}]: {sentence(rng)}"]
    return "\n".join(out) + "\n"


def png(width: int, height: int) -> bytes:
    rows = b"".join(b"\x00" + bytes(v for x in range(width) for v in (x * 255 // width, y * 255 // height, 160))
                    for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit("usage: bench/generate-kb.py N OUT")
    count, root = int(sys.argv[1]), sys.argv[2]
    public = os.path.join(root, ".vuepress", "public", "illustration")
    os.makedirs(public, exist_ok=True)
    with open(os.path.join(public, "chart.png"), "wb") as f:
        f.write(png(64, 48))
    with open(os.path.join(public, "diagram.svg"), "w", encoding="utf-8") as f:
        f.write('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 80 40"><rect x="2" y="2" width="76" '
                'height="36" rx="6" fill="#3eaf7c"/><text x="40" y="25" font-size="12" text-anchor="middle">KB</text></svg>\n')
    with open(os.path.join(root, "README.md"), "w", encoding="utf-8") as f:
        f.write(f"---\nhome: true\ntitle: 合成知识库 {count}\n---\n")
    for index in range(count):
        part = os.path.join(root, f"{index // PER_PART + 1:03d}.part")
        os.makedirs(part, exist_ok=True)
        with open(os.path.join(part, f"{index % PER_PART + 1:02d}.note-{index:05d}.md"), "w", encoding="utf-8") as f:
            f.write(article(index, count))


if __name__ == "__main__":
    main()
