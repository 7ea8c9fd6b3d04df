# Builds the extra extraction fixtures in pages/ from real article text in
# ../shared/data/news-2025-4agencies (MIT; article copyright stays with each
# publisher). The markup imitates the public structure of four families of
# Persian news CMSs (Tasnim-like, the Tiam CMS used by IRNA/Mehr/Khabar Online,
# BBC-Persian-like hashed classes with JSON-LD, an old windows-1256 table
# layout, and a <br>-separated body). Gold is the source text; checked by eye.
# Run from internal/extract/testdata: python3 make_pages.py
import html, json, os

SRC = "../../../../shared/data/news-2025-4agencies/articles.jsonl"
rows = [json.loads(l) for l in open(SRC, encoding="utf-8")]
e = html.escape

def paras(r):
    return [p.strip() for p in r["body"].split("\n") if p.strip()]

def jalali(raw):
    d = raw.translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789"))
    months = ["فروردین","اردیبهشت","خرداد","تیر","مرداد","شهریور","مهر","آبان","آذر","دی","بهمن","اسفند"]
    for i, m in enumerate(months):
        if m in d:
            parts = d.split()
            k = parts.index(m)
            return "%s-%02d-%02d" % (parts[k+1], i+1, int(parts[k-1]))
    y, m, dd = d.split()[0].split("/")
    return "%s-%s-%s" % (y, m, dd)

MENU = '<ul class="menu">' + "".join('<li><a href="/service/%d">%s</a></li>' % (i, x) for i, x in enumerate(["صفحه اصلی", "سیاسی", "اقتصادی", "اجتماعی", "بین‌الملل", "ورزشی", "فرهنگی"])) + "</ul>"
RELATED = lambda cls, head: '<div class="%s"><h3>%s</h3><ul><li><a href="/news/1">قیمت طلا و سکه امروز؛ سکه امامی کانال جدید را رد کرد</a></li><li><a href="/news/2">واکنش سخنگوی وزارت خارجه به بیانیه اروپا</a></li><li><a href="/news/3">پیش‌بینی هواشناسی برای آخر هفته؛ گرما ادامه دارد</a></li></ul></div>' % (cls, head)
gold = []

def tasnim(r, fn):
    ps = paras(r)
    body = "".join(("<h3>%s</h3>" % e(p)) if p.endswith("؟") and len(p) < 60 else "<p>%s</p>" % e(p) for p in ps)
    page = f'''<!DOCTYPE html><html lang="fa" dir="rtl"><head><meta charset="utf-8"><title>{e(r["title"])} - تسنیم</title>
<meta name="description" content="{e(r["lead"])}"><link rel="canonical" href="{e(r["url"])}"></head><body>
<header class="site-header"><a class="logo" href="/"><img src="/logo.svg" alt="خبرگزاری تسنیم"></a>{MENU}
<div class="news-ticker"><span>آخرین اخبار</span><a href="/x">ادامه مذاکرات در ژنو؛ دور بعد هفته آینده</a></div></header>
<main><article class="single-news"><ol class="breadcrumb"><li><a href="/">صفحه اصلی</a></li><li><a href="/service/economy">اقتصادی</a></li><li><a href="/service/budget">بودجه</a></li></ol>
<h4 class="rutitr">نماینده مجلس مطرح کرد</h4><h1 class="title">{e(r["title"])}</h1>
<ul class="list-inline details"><li class="time">{e(r["date_raw"])}</li><li class="news-id">کد خبر: ۳۳۹۲۵۲۴</li></ul>
<h3 class="lead">{e(r["lead"])}</h3>
<figure class="news-image"><img src="/media/2025/09/05/kood.jpg" alt="کود شیمیایی"><figcaption>انبار کود شیمیایی در یک تعاونی روستایی</figcaption></figure>
<div class="story">{body}<p>انتهای پیام/</p></div>
<div class="smart-keyword"><span>برچسب‌ها:</span><a href="/tag/1" rel="tag">بودجه ایران</a><a href="/tag/2" rel="tag">نرخ تسعیر ارز</a></div>
<div class="share-box"><a>تلگرام</a><a>واتساپ</a><a>ایکس</a></div>
{RELATED("related-news", "اخبار مرتبط")}</article>
<aside class="sidebar"><h3>پربیننده‌ترین</h3><ul><li><a href="/y">نتایج کنکور ۱۴۰۴ اعلام شد</a></li></ul></aside></main>
<div id="comments"><h3>ارسال نظر</h3><form><textarea></textarea><button>ارسال</button></form></div>
<footer><p>کلیه حقوق این سایت متعلق به خبرگزاری تسنیم است.</p></footer></body></html>'''
    return page, {"kicker": "نماینده مجلس مطرح کرد", "news_id": "3392524", "tags": ["بودجه ایران", "نرخ تسعیر ارز"], "category": "اقتصادی"}

def tiam(r, fn):
    ps = paras(r)
    body = "".join("<p>%s</p>" % e(p) for p in ps)
    page = f'''<!DOCTYPE html><html lang="fa" dir="rtl"><head><meta charset="utf-8"><title>{e(r["title"])} | خبرآنلاین</title>
<meta property="og:title" content="{e(r["title"])}"><meta property="og:url" content="{e(r["url"])}"><meta property="og:image" content="https://media.example.ir/d/2025/08/22/4/5555.jpg">
<meta name="keywords" content="{e(r["tags"])}"></head><body>
<div id="header"><div class="navbar">{MENU}</div></div>
<div class="container"><div class="row"><div class="col-md-8"><article class="news-item">
<ol class="breadcrumb"><li><a href="/">خانه</a></li><li><a href="/service/health">سلامت</a></li></ol>
<div class="item-header"><div class="item-title"><span class="kicker">پس از بازگشت زائران</span><h1 class="title"><a href="{e(r["url"])}" itemprop="headline">{e(r["title"])}</a></h1></div>
<div class="item-date"><span>{e(r["date_raw"])}</span></div><div class="item-code"><span>کد خبر ۲۱۰۵۷۰۰</span></div></div>
<div class="item-summary"><p class="summary introtext" itemprop="description">{e(r["lead"])}</p></div>
<div class="item-body"><div class="item-text" itemprop="articleBody">{body}</div></div>
<section class="box tags"><div class="box-title"><h2>برچسب‌ها</h2></div><ul>{"".join('<li><a href="/tag/%d" rel="tag">%s</a></li>' % (i, e(t)) for i, t in enumerate(r["tags"].split(",")))}</ul></section>
<section class="box related"><h2>خبرهای مرتبط</h2><ul><li><a href="/n/1">واکسن جدید آنفلوآنزا وارد کشور شد</a></li><li><a href="/n/2">۱۰ توصیه برای زائران در مسیر بازگشت</a></li></ul></section>
<section class="box comments"><h2>نظر شما</h2><p>نظرات حاوی توهین منتشر نمی‌شود.</p></section></article></div>
<div class="col-md-4"><section class="box most-visited"><h2>پربازدیدترین</h2><ul><li><a href="/n/3">قیمت دلار امروز</a></li></ul></section></div></div></div>
<footer id="footer"><p>© خبرآنلاین</p></footer></body></html>'''
    return page, {"kicker": "پس از بازگشت زائران", "news_id": "2105700", "tags": r["tags"].split(","), "category": "سلامت"}

def bbc(r, fn):
    ps = paras(r)
    # Crossheads in this article are the short lines without final punctuation.
    body = ""
    for i, p in enumerate(ps):
        if i > 0 and len(p) < 40 and not p.endswith((".", "؟", "!", ":")):
            body += '<h2 class="bbc-1b4ns3w e1p3vdyi0">%s</h2>' % e(p)
        else:
            body += '<div dir="rtl" class="bbc-19j92fr ebmt73l0"><p class="bbc-hhl7in e17g058b0">%s</p></div>' % e(p)
        if i == 2:
            body += '<figure class="bbc-1qn0xuy"><div class="bbc-189y18v"><img src="https://ichef.example.com/ace/ws/640/piatza.jpg.webp" alt="روبرتو پیاتزا" width="640"></div><figcaption class="bbc-1r5ltp"><span class="bbc-1dm1mxy">توضیح تصویر،</span>روبرتو پیاتزا در تمرین تیم ملی والیبال</figcaption></figure>'
    ld = json.dumps({"@context": "http://schema.org", "@type": "ReportageNewsArticle", "headline": r["title"], "datePublished": "2025-08-21T10:05:00+00:00", "author": {"@type": "NewsMediaOrganization", "name": "BBC News فارسی"}, "image": {"@type": "ImageObject", "url": "https://ichef.example.com/ace/ws/1024/piatza.jpg"}}, ensure_ascii=False)
    page = f'''<!DOCTYPE html><html lang="fa" class="no-js"><head><meta charset="utf-8"><title>{e(r["title"])} - BBC News فارسی</title>
<link rel="canonical" href="https://www.bbc.com/persian/articles/c0example1o"><script type="application/ld+json">{ld}</script></head>
<body><div id="root"><header role="banner" class="bbc-1fd4r3i"><a href="/persian" class="bbc-1xq3qhk">BBC News، فارسی</a><nav role="navigation" class="bbc-1a9vlmh"><ul role="list"><li><a href="/persian">صفحه اول</a></li><li><a href="/persian/topics/iran">ایران</a></li><li><a href="/persian/topics/world">جهان</a></li><li><a href="/persian/topics/sport">ورزش</a></li></ul></nav></header>
<div class="bbc-1151pbn"><main role="main" class="bbc-fa0wmp"><div class="bbc-1o0sn0z"><h1 id="content" tabindex="-1" class="bbc-1ws1o4g">{e(r["title"])}</h1></div>
<div class="bbc-1ff36h2"><ul class="bbc-1k7umr2" role="list"><li class="bbc-1a3w4ok"><time datetime="2025-08-21" class="bbc-1nn3g2p">۳۰ مرداد ۱۴۰۴</time></li></ul></div>
<div dir="rtl" class="bbc-19j92fr ebmt73l0"><p class="bbc-hhl7in e17g058b0"><b>{e(r["lead"])}</b></p></div>
{body}
<section aria-labelledby="related-content-heading" class="bbc-1fxwxw"><div class="bbc-3xz7iz"><h2 id="related-content-heading" class="bbc-g9jh6v">مطالب مرتبط</h2></div><ul role="list"><li><a href="/persian/articles/c1">والیبال ایران در لیگ ملت‌ها؛ شکست مقابل ژاپن</a></li><li><a href="/persian/articles/c2">فدراسیون والیبال: قرارداد پیاتزا تمدید شد</a></li></ul></section>
</main><section aria-labelledby="Most-Read" class="bbc-1t2hnd5"><h2 id="Most-Read" class="bbc-1u0e5y">پربیننده‌ترین</h2><ol><li><a href="/persian/articles/c3">وضعیت اینترنت در ایران</a></li></ol></section></div>
<footer role="contentinfo" class="bbc-1xvq0wy"><p>© ۲۰۲۵ بی بی سی.</p></footer></div></body></html>'''
    # The bold opening paragraph is the BBC's lead.
    return page, {"author": "BBC News فارسی"}

def old1256(r, fn):
    ps = paras(r)
    body = "<br><br>".join(e(p) for p in ps)
    page = f'''<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"><title>{e(r["title"])}</title></head>
<body bgcolor="#ffffff"><table width="100%"><tr><td class="top-menu"><a href="/">صفحه اصلی</a> | <a href="/archive">آرشيو</a> | <a href="/about">درباره ما</a></td></tr></table>
<table width="780" align="center"><tr><td width="180" valign="top" class="right-side"><b>آخرين اخبار</b><br><a href="/n1">افتتاح سه طرح آبرساني در استان</a><br><a href="/n2">برگزاري همايش گردشگري جنوب</a></td>
<td valign="top"><table width="100%"><tr><td class="rotitr">در جشنواره انبه و گل یاسمین</td></tr>
<tr><td class="titr"><b>{e(r["title"])}</b></td></tr>
<tr><td class="date">تاريخ انتشار: {e(r["date_raw"])}</td></tr>
<tr><td class="lid">{e(r["lead"])}</td></tr>
<tr><td class="matn">{body}<br><br>انتهای پیام/</td></tr>
<tr><td><a href="print.asp">نسخه چاپي</a> | <a href="send.asp">ارسال به دوستان</a></td></tr></table></td></tr></table>
<table width="780" align="center"><tr><td class="copyright">کليه حقوق محفوظ است.</td></tr></table></body></html>'''
    return page, {"kicker": "در جشنواره انبه و گل یاسمین"}

def brbody(r, fn):
    ps = paras(r)
    body = "<br /><br />".join(e(p) for p in ps)
    page = f'''<!DOCTYPE html><html lang="fa" dir="rtl"><head><meta charset="UTF-8"><title>{e(r["title"])} - پایگاه خبری نمونه</title>
<meta property="article:published_time" content="2025-09-05T15:50:00+03:30"><meta property="article:section" content="ورزشی"><meta name="author" content="سعید رضایی"></head><body>
<div class="top-bar"><div class="date-today">امروز: ۱۴ شهریور ۱۴۰۴</div>{MENU}</div>
<div class="wrapper"><div class="content-right"><div class="post">
<div class="post-title"><h1>{e(r["title"])}</h1></div>
<div class="post-meta"><span class="post-author">نویسنده: سعید رضایی</span> <span class="post-date">۱۴ شهریور ۱۴۰۴ - ۱۵:۵۰</span></div>
<div class="post-lead">{e(r["lead"])}</div>
<div class="post-content">{body}<div class="more-news"><b>بیشتر بخوانید:</b><ul><li><a href="/1">اوسمار: بازیکنان آماده بازی با فولاد هستند</a></li></ul></div><br />انتهای پیام/</div>
<div class="post-tags">برچسب‌ها: <a href="/tag/1">پرسپولیس</a> <a href="/tag/2">لیگ برتر</a></div></div></div>
<div class="content-left"><div class="widget"><h4>پربازدید</h4><ul><li><a href="/w">برنامه بازی‌های هفته ششم لیگ برتر</a></li></ul></div></div></div>
<div class="copyright">تمام حقوق محفوظ است</div></body></html>'''
    return page, {"author": "سعید رضایی", "category": "ورزشی", "tags": ["پرسپولیس", "لیگ برتر"]}

# The three layouts below were written after the extractor, as a held-out
# check of its rules (their first scores are in docs/BENCHMARKS.md).

def isna(r, fn):
    # ISNA-like: "summery" (sic) lead class, justified paragraphs with an
    # inline ad and a "read more" box inside the body, news code in the meta list.
    ps = paras(r)
    body = ""
    for i, p in enumerate(ps):
        body += '<p style="text-align: justify;">%s</p>' % e(p)
        if i == 1:
            body += '<div class="ads-inline"><a href="https://ads.example.ir/c/1"><img src="/ads/banner-728.gif" alt=""></a></div>'
        if i == 2:
            body += '<div class="more-read"><span>بیشتر بخوانید:</span> <a href="/news/140406150001">صادرات غیرنفتی کرمانشاه ۲۰ درصد رشد کرد</a></div>'
    page = f"""<!DOCTYPE html><html dir="rtl" lang="fa-IR"><head><meta charset="utf-8"><title>{e(r["title"])} - ایسنا</title>
<meta property="og:title" content="{e(r["title"])}"><meta property="og:description" content="{e(r["lead"])}"><meta property="og:type" content="article"></head><body>
<header id="header"><div class="top-header"><span class="today">یکشنبه ۱۵ شهریور ۱۴۰۴</span></div><nav class="main-menu">{MENU}</nav></header>
<div class="container"><div class="row"><div class="col-lg-8"><article class="full-news">
<div class="full-news-header"><span class="kicker-news">مدیرکل گمرک استان خبر داد</span>
<h1 class="first-title" itemprop="headline">{e(r["title"])}</h1>
<ul class="meta-news"><li><span class="title-meta">تاریخ انتشار:</span> <span class="text-meta">{e(r["date_raw"])}</span></li>
<li><span class="title-meta">کد خبر:</span> <span class="text-meta">۱۴۰۴۰۶۱۵۰۳۴۵۶</span></li><li><span class="title-meta">سرویس:</span> <span class="text-meta">اقتصادی</span></li></ul></div>
<p class="summery" itemprop="description">{e(r["lead"])}</p>
<figure class="full-news-image"><img src="/d/2025/09/06/3/khosravi.jpg" alt="گمرک خسروی"></figure>
<div class="full-news-text" itemprop="articleBody">{body}</div>
<footer class="tags"><ul>{"".join('<li><a href="/tag/%d" rel="tag">%s</a></li>' % (i, e(t.strip())) for i, t in enumerate(r["tags"].split(",")))}</ul></footer>
<section class="related-news"><div class="title-box"><h4>اخبار مرتبط</h4></div><ul><li><a href="/n/9">افزایش تردد زائران اربعین از مرز خسروی</a></li><li><a href="/n/8">تعرفه‌های جدید گمرکی ابلاغ شد</a></li></ul></section>
<section class="comments"><h4>نظرات</h4><div class="comment"><p>چرا درباره کالاهای وارداتی چیزی گفته نشده؟</p></div></section></article></div>
<aside class="col-lg-4"><div class="most-viewed"><h4>پربازدیدترین</h4><ul><li><a href="/n/7">نرخ ارز امروز</a></li></ul></div></aside></div></div>
<footer id="footer"><p>کلیه حقوق این سایت متعلق به خبرگزاری نمونه است.</p></footer></body></html>"""
    return page, {"kicker": "مدیرکل گمرک استان خبر داد", "tags": [t.strip() for t in r["tags"].split(",")], "category": "اقتصادی"}

def farda(r, fn):
    # RFE/RL-like (Radio Farda): <time datetime>, intro block, body in div.wsw
    # with an embedded related-content block between paragraphs.
    ps = paras(r)
    body = ""
    for i, p in enumerate(ps):
        body += "<p>%s</p>" % e(p)
        if i == 3:
            body += '<div class="wsw__embed"><div class="media-block-wrap"><h2 class="section-head">مطالب مرتبط</h2><div class="media-block"><a href="/a/32451.html"><span class="title">ورزش در هوای گرم؛ چه باید کرد؟</span></a></div><div class="media-block"><a href="/a/32398.html"><span class="title">خواب کافی و کاهش وزن</span></a></div></div></div>'
    page = f"""<!DOCTYPE html><html lang="fa" dir="rtl" class="no-js"><head><meta charset="utf-8"><title>{e(r["title"])}</title>
<link rel="canonical" href="https://www.radiofarda.com/a/33512345.html"><meta name="twitter:card" content="summary_large_image"></head><body>
<div id="page"><header class="hdr"><a class="main-logo" href="/">رادیو فردا</a><nav class="nav-menu">{MENU}</nav></header>
<div id="content"><div class="container"><div class="hdr-container"><div class="category js-category"><a href="/z/20123">سلامت</a></div>
<h1 class="title pg-title">{e(r["title"])}</h1>
<div class="publishing-details"><div class="published"><span class="date"><time pubdate="pubdate" datetime="2025-08-22T19:00:00+03:30">۳۱ مرداد ۱۴۰۴</time></span></div></div></div>
<div class="intro m-t-md"><p>{e(r["lead"])}</p></div>
<div class="cover-media"><figure class="media-image"><img src="https://gdb.example.com/01000000-0a00-0242-60f5-08dc8f1e4b1e_w1023_r1_s.jpg" alt=""><figcaption><span class="caption">تصویر تزئینی است</span></figcaption></figure></div>
<div class="body-container"><div class="wsw" id="article-content">{body}</div></div>
<div class="share--box"><a class="btn" href="#">فیس‌بوک</a><a class="btn" href="#">ایکس</a><a class="btn" href="#">تلگرام</a></div></div>
<section class="media-block-wrap"><h2 class="section-head">پربیننده‌ترین</h2><ul><li><a href="/a/1.html">اینترنت ایران در هفته گذشته</a></li></ul></section></div>
<footer class="ftr"><p>© ۲۰۲۵ RFE/RL, Inc.</p></footer></div></body></html>"""
    return page, {"category": "سلامت"}

def wordpress(r, fn):
    # An aggregator on WordPress: no lead, entry-content body with a source
    # line and share buttons, a comments area whose paragraphs look like body.
    ps = paras(r)
    body = "".join("<p>%s</p>" % e(p) for p in ps)
    page = f"""<!DOCTYPE html><html dir="rtl" lang="fa-IR"><head><meta charset="UTF-8"><title>{e(r["title"])} &#8211; پایگاه خبری نمونه</title>
<meta property="article:published_time" content="2025-09-05T20:17:02+03:30"><link rel="canonical" href="https://news.example.ir/1404/06/14/esteghlal-friendly/"></head>
<body class="post-template-default single single-post"><div id="page" class="site"><header id="masthead" class="site-header"><p class="site-title"><a href="/">پایگاه خبری نمونه</a></p>
<nav id="site-navigation" class="main-navigation">{MENU}</nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-48213" class="post-48213 post type-post status-publish format-standard has-post-thumbnail category-sport">
<header class="entry-header"><h1 class="entry-title">{e(r["title"])}</h1>
<div class="entry-meta"><span class="posted-on"><a href="/1404/06/14/" rel="bookmark"><time class="entry-date published" datetime="2025-09-05T20:17:02+03:30">۱۴ شهریور ۱۴۰۴</time></a></span> <span class="cat-links"><a href="/category/sport/" rel="category tag">ورزشی</a></span></div></header>
<div class="post-thumbnail"><img width="780" height="470" src="/wp-content/uploads/2025/09/esteghlal.jpg" class="attachment-post-thumbnail wp-post-image" alt=""></div>
<div class="entry-content">{body}<p>منبع: خبرگزاری برنا</p>
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">اشتراک گذاری:</h3><ul><li><a class="share-telegram" href="#">تلگرام</a></li><li><a class="share-twitter" href="#">ایکس</a></li></ul></div></div>
<footer class="entry-footer"><span class="tags-links">برچسب‌ها: <a href="/tag/esteghlal/" rel="tag">استقلال</a>، <a href="/tag/friendly/" rel="tag">بازی دوستانه</a></span></footer></article>
<div id="comments" class="comments-area"><h2 class="comments-title">۲ دیدگاه</h2><ol class="comment-list"><li class="comment"><article class="comment-body"><footer class="comment-meta"><b class="fn">علی</b></footer><div class="comment-content"><p>بازی خوبی بود ولی خط دفاعی هنوز مشکل دارد و باید قبل از شروع لیگ فکری به حالش کرد.</p></div></article></li><li class="comment"><article class="comment-body"><footer class="comment-meta"><b class="fn">مریم</b></footer><div class="comment-content"><p>کاش بازی‌های دوستانه بیشتری با تیم‌های خارجی برگزار شود تا بازیکنان جوان محک بخورند.</p></div></article></li></ol></div>
</main></div><aside id="secondary" class="widget-area"><section class="widget widget_recent_entries"><h2 class="widget-title">نوشته‌های تازه</h2><ul><li><a href="/x/">پرسپولیس در اردوی ترکیه</a></li></ul></section></aside></div>
<footer id="colophon" class="site-footer"><div class="site-info">قدرت گرفته از وردپرس</div></footer></div></body></html>"""
    return page, {"tags": ["استقلال", "بازی دوستانه"], "category": "ورزشی", "lead_override": ""}

os.makedirs("pages", exist_ok=True)
for idx, fn, make, enc in [(60, "tasnim-like.html", tasnim, "utf-8"), (40, "tiam-like.html", tiam, "utf-8"),
                           (21, "bbc-like.html", bbc, "utf-8"), (0, "old-windows-1256.html", old1256, "cp1256"),
                           (61, "br-body.html", brbody, "utf-8"), (15, "isna-like.html", isna, "utf-8"),
                           (30, "farda-like.html", farda, "utf-8"), (10, "wordpress-aggregator.html", wordpress, "utf-8")]:
    r = rows[idx]
    page, extra = make(r, fn)
    if enc == "cp1256":
        # Windows-1256 has Arabic ي but no Persian ی: old sites wrote ي.
        page = page.replace("ی", "ي").translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789"))
        data = page.encode(enc)
    else:
        data = page.encode(enc)
    open("pages/" + fn, "wb").write(data)
    g = {"file": fn, "title": r["title"], "lead": r["lead"], "body": paras(r), "url": "", "jalali": jalali(r["date_raw"])}
    if fn == "bbc-like.html":
        g["url"] = "https://www.bbc.com/persian/articles/c0example1o"
    elif fn in ("tasnim-like.html", "tiam-like.html"):
        g["url"] = r["url"]
    elif fn == "farda-like.html":
        g["url"] = "https://www.radiofarda.com/a/33512345.html"
    elif fn == "wordpress-aggregator.html":
        g["url"] = "https://news.example.ir/1404/06/14/esteghlal-friendly/"
    if "lead_override" in extra:
        # The page has no lead: the extractor must not invent one.
        g["lead"] = extra.pop("lead_override")
    g.update(extra)
    gold.append(g)
json.dump(gold, open("pages/gold.json", "w", encoding="utf-8"), ensure_ascii=False, indent=1)
