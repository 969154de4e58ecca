"""Words that make a figure: numerals, units, measure words, qualifiers, verbs.

Plain data only; the regular expressions are assembled from it in
``patterns.py``. Every table maps the word as written to what it means, so
adding a word is a one-line change here.
"""

from __future__ import annotations

from types import MappingProxyType

KINDS: tuple[str, ...] = ("level", "change", "growth", "share", "rank", "multiple")

DIGITS = MappingProxyType(
    {
        "零": 0, "〇": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2,
        "三": 3, "叁": 3, "參": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6,
        "陸": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
    }
)  # fmt: skip
SMALL_MULTIPLIERS = MappingProxyType({"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000})
BIG_MULTIPLIERS = MappingProxyType({"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000})
#: 廿 and 卅 are a digit and 十 in one character.
TENS = MappingProxyType({"廿": "二十", "卅": "三十"})
MULTIPLIER_CHARS = "".join(SMALL_MULTIPLIERS) + "".join(BIG_MULTIPLIERS)
NUMERAL_CHARS = "".join(DIGITS) + MULTIPLIER_CHARS + "".join(TENS)

#: unit word as written -> unit code of ``county_data.catalogue.units``
UNIT_WORDS = MappingProxyType(
    {
        "美元": "USD", "港元": "HKD", "港币": "HKD", "欧元": "EUR", "元": "CNY",
        "块钱": "CNY", "块": "CNY", "日元": "JPY", "英镑": "GBP", "卢布": "RUB",
        "新台币": "TWD", "台币": "TWD",
        "%": "percent", "个百分点": "percentage_point", "百分点": "percentage_point",
        "‰": "per_mille", "‱": "per_ten_thousand",
        "倍": "times",
        "克": "gram", "千克": "kilogram", "公斤": "kilogram", "斤": "jin", "担": "dan", "吨": "tonne",
        "毫米": "mm", "厘米": "cm", "米": "m", "公里": "km", "千米": "km",
        "平方公里": "km2", "平方千米": "km2", "平方米": "m2", "亩": "mu", "公顷": "hectare",
        "立方米": "m3",
        "千瓦时": "kWh", "千瓦": "kW", "兆瓦": "MW",
        "摄氏度": "degC", "℃": "degC",
        "微克/立方米": "microgram_per_m3", "元/吨": "CNY_per_tonne", "元/亩": "CNY_per_mu",
        "元/公斤": "CNY_per_kilogram", "元/千克": "CNY_per_kilogram", "人/平方公里": "persons_per_km2",
        "年": "year", "个月": "month", "天": "day", "个小时": "hour", "小时": "hour",
    }
)  # fmt: skip
MONEY_UNITS = frozenset({"CNY", "USD", "HKD", "EUR", "JPY", "GBP", "RUB", "TWD"})
#: 十二元五角六分, 三块八毛五: tenths and hundredths of a yuan after 元 or 块
JIAO_WORDS: tuple[str, ...] = ("角", "毛")
FEN_WORD = "分"
#: a sign written before a number: 同比增长-1.2%, 负2.7%, 零下5℃
SIGN_WORDS: tuple[str, ...] = ("-", "负", "零下")

#: measure words of counts (unit code ``count``); the word itself is kept.
COUNT_WORDS: tuple[str, ...] = (
    "人次", "户次", "家次", "条", "家", "户", "人", "名", "个", "件", "种", "项", "场", "座",
    "所", "处", "辆", "台", "套", "间", "张", "次", "位", "支", "批", "只", "头", "株", "棵",
    "篇", "部", "本", "份", "宗", "例", "起", "类", "款", "栋", "幢", "门", "架", "艘", "枚",
    "羽", "箱", "根", "匹", "尾",
)  # fmt: skip

#: qualifier written before the number
PREFIX_QUALIFIERS = MappingProxyType(
    {
        "超过": "more_than", "超出": "more_than", "突破": "more_than", "逾": "more_than",
        "超": "more_than", "多于": "more_than", "高于": "more_than", "大于": "more_than",
        "达到": "exact", "高达": "exact", "多达": "exact", "达": "exact",
        "大约": "approx", "约": "approx", "将近": "approx", "接近": "approx", "近": "approx",
        "不足": "less_than", "不到": "less_than", "低于": "less_than", "少于": "less_than",
        "小于": "less_than", "至少": "at_least", "不少于": "at_least", "不低于": "at_least",
        "最多": "at_most", "不超过": "at_most", "不高于": "at_most",
    }
)  # fmt: skip
#: "nearly": approx, but the true value is below the number, so upper = value.
NEAR_WORDS = frozenset({"近", "将近", "接近"})
#: qualifier written after the unit (以上/以下 include the number, by statistical convention)
SUFFIX_QUALIFIERS = MappingProxyType(
    {"以上": "at_least", "以下": "at_most", "以内": "at_most", "左右": "approx",
     "上下": "approx", "有余": "more_than"}
)  # fmt: skip
#: 140余家, 30多万人: between the number and the unit, "more than"
MORE_WORDS = frozenset({"余", "多"})
#: 3个多月, 1个多百分点: the same "more than" after the 个 of a unit word -> that unit word
INNER_MORE_UNITS = MappingProxyType(
    {f"个{more}{word[1:]}": word for word in UNIT_WORDS if word.startswith("个") for more in sorted(MORE_WORDS)}
)

RISE_VERBS: tuple[str, ...] = ("增长", "增加", "上升", "提高", "提升", "改善", "扩大", "上涨")
FALL_VERBS: tuple[str, ...] = ("下降", "减少", "降低", "下滑", "回落", "缩小", "下跌")
#: words in the clause before a percent that make it a part of a whole
SHARE_WORDS: tuple[str, ...] = ("占", "比重", "比例", "份额", "占有率")
#: words in the clause before a colon ratio that make it a structure (三次产业结构为12.4:38.9:48.7)
STRUCTURE_WORDS: tuple[str, ...] = ("结构", "比例", "比重", "之比", "比为")
#: words just before 第N that make it a rank even without 位/名
RANK_CONTEXT: tuple[str, ...] = (
    "排名", "排位", "位列", "位居", "名列", "跻身", "跃居", "居", "列",
    # the whole of which 第一 is the first: 保持全州第一
    "全国", "全省", "全市", "全州", "全县", "全区",
)  # fmt: skip
#: after a Chinese numeral and 次, a name: 三次产业 (the three sectors), 六次会议 (the sixth session)
ORDINAL_NOUNS: tuple[str, ...] = ("产业", "会议", "全会", "代表大会")
#: before a duration in words, a streak: 连续三年 (for three years running)
STREAK_WORDS: tuple[str, ...] = ("连续",)
#: 前十名, 前3位 ("among the first N") is a rank at_most N; it needs 名 or 位 after the
#: number, so 前三季度 is no rank. After these characters 前 means "before" (目前3位专家).
TOP_MARK = "前"
NOT_BEFORE_TOP = "目当此之以提会年日月节事眼面跟空超向"
#: a 以上/以下 figure followed by these names a category (亿元以上项目), not a figure
CATEGORY_NOUNS: tuple[str, ...] = ("企业", "项目", "工业", "规模", "的企业", "的项目")

#: units whose lone 一 is still a figure (增长一倍, 提高一个百分点); before every other
#: measure word a lone 一 is an article or part of a word (一批, 一天, 一块, 一成不变)
ONE_IS_A_FIGURE: frozenset[str] = frozenset({"times", "percentage_point", "percent"})

#: 十四五 -> 14; plans from the 3rd on start in 1966 + 5 * (n - 3)
PLAN_NUMBERS = MappingProxyType({"十一五": 11, "十二五": 12, "十三五": 13, "十四五": 14, "十五五": 15, "十六五": 16})
#: years named relative to the text's own (上半年, 一季度 are parts of a year: periods.YEAR_PART)
RELATIVE_PERIODS: tuple[str, ...] = ("今年", "去年", "上年", "本年", "前年")
