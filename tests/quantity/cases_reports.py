"""Case rows for the forms of real reports: mirror text, more units, bare magnitudes.

Same row shape as ``cases.py`` (text, surface, value, unit, qualifier, kind); the
expected values were read by hand. Each group is one family of rules in
``county_data.quantity``; each has near misses beside it.
"""

from __future__ import annotations

from case_types import AL, AM, AP, MT, Case, E

#: mirror text (quantity/mirror.py): converted script, full-width digits, pinyin, spaces, footnotes;
#: a span ends at the last character of the figure (pinyin after it is not part of it)
MIRROR: list[Case] = [
    ("产值３６.5亿元", "３６.5亿元", 3.65e9, "CNY", E, "level"),
    ("人口２．７万人", "２．７万人", 27000, "count", E, "level"),
    ("總產值36.5億元", "36.5億元", 3.65e9, "CNY", E, "level"),
    ("糧食產量1.2萬噸", "1.2萬噸", 12000, "tonne", E, "level"),
    ("播種面積約3000畝", "約3000畝", 3000, "mu", AP, "level"),
    ("比上年增長6.0%", "增長6.0%", 6.0, "percent", E, "growth"),
    ("提高0.2個百分點", "提高0.2個百分點", 0.2, "percentage_point", E, "change"),
    ("下降1.5個(gè)百分點(diǎn)。", "下降1.5個(gè)百分點", -1.5, "percentage_point", E, "change"),
    ("生產(chǎn)總值0.74億元", "0.74億元", 7.4e7, "CNY", E, "level"),
    ("规模以上企业318 家", "318 家", 318, "count", E, "level"),
    ("城镇化率6.3 %", "6.3 %", 6.3, "percent", E, "level"),
    ("财政收入0.74 亿元", "0.74 亿元", 7.4e7, "CNY", E, "level"),
    ("第三产业占比1.6\n%", "1.6\n%", 1.6, "percent", E, "share"),
    ("产值5.2億 元", "5.2億 元", 5.2e8, "CNY", E, "level"),
    ("比上年增长 6.0%", "增长 6.0%", 6.0, "percent", E, "growth"),
    ("全县生产总值[2]61.9亿元", "61.9亿元", 6.19e9, "CNY", E, "level"),
    ("比上年增长8.1%[3]", "增长8.1%", 8.1, "percent", E, "growth"),
    ("完成投资〔5〕2.3亿元", "2.3亿元", 2.3e8, "CNY", E, "level"),
    ("總人口超過２萬人", "超過２萬人", 20000, "count", MT, "level"),
]

#: mirror noise that must not make a figure: dates, table rows, chrome, brackets that are no footnote
MIRROR_NEGATIVES = [
    "2025 年 3 月 30 日", "男 233123 234361", "(图1)", "[LV.9]", "Rank: 7", "一、综合",
    "發佈時間：2024 年 5 月", "見表[1]", "第 十五 届",
]  # fmt: skip

#: units people measure with (vocabulary.UNIT_WORDS, catalogue/units.py); value in the unit written
UNITS: list[Case] = [
    ("粮食总产量10.3亿斤", "10.3亿斤", 1.03e9, "jin", E, "level"),
    ("出栏生猪每头120公斤", "120公斤", 120, "kilogram", E, "level"),
    ("每袋5千克", "5千克", 5, "kilogram", E, "level"),  # 千克, not 5 thousand grams
    ("含量30克", "30克", 30, "gram", E, "level"),
    ("收稻谷三担", "三担", 3, "dan", E, "level"),
    ("蔬菜产量2.88万吨", "2.88万吨", 28800, "tonne", E, "level"),
    ("新建堤防800米", "800米", 800, "m", E, "level"),
    ("全程5千米", "5千米", 5, "km", E, "level"),
    ("年降水量1450.2毫米", "1450.2毫米", 1450.2, "mm", E, "level"),
    ("播种面积12.3千公顷", "12.3千公顷", 12300, "hectare", E, "level"),
    ("蓄水1.2亿立方米", "1.2亿立方米", 1.2e8, "m3", E, "level"),
    ("全社会用电量5.6亿千瓦时", "5.6亿千瓦时", 5.6e8, "kWh", E, "level"),
    ("装机容量1.2万千瓦", "1.2万千瓦", 12000, "kW", E, "level"),
    ("光伏电站50兆瓦", "50兆瓦", 50, "MW", E, "level"),
    ("年平均气温17.8℃", "17.8℃", 17.8, "degC", E, "level"),
    ("最低气温零下5摄氏度", "零下5摄氏度", -5, "degC", E, "level"),
    ("PM2.5平均浓度35微克/立方米", "35微克/立方米", 35, "microgram_per_m3", E, "level"),
    ("收购价3000元/吨", "3000元/吨", 3000, "CNY_per_tonne", E, "level"),
    ("流转租金每年600元/亩", "600元/亩", 600, "CNY_per_mu", E, "level"),
    ("人口密度120人/平方公里", "120人/平方公里", 120, "persons_per_km2", E, "level"),
    ("出生率为7.33‰", "7.33‰", 7.33, "per_mille", E, "level"),
    ("不超过千分之五", "不超过千分之五", 5, "per_mille", AM, "level"),
    ("发生率万分之三", "万分之三", 3, "per_ten_thousand", E, "level"),
    ("出口3亿日元", "3亿日元", 3e8, "JPY", E, "level"),
    ("投资500万英镑", "500万英镑", 5e6, "GBP", E, "level"),
    ("合同额2亿卢布", "2亿卢布", 2e8, "RUB", E, "level"),
    ("台商投资1.5亿新台币", "1.5亿新台币", 1.5e8, "TWD", E, "level"),
    ("引资3000万台币", "3000万台币", 3e7, "TWD", E, "level"),
    ("每斤十二元五角六分", "十二元五角六分", 12.56, "CNY", E, "level"),
    ("一斤卖三块八毛五", "三块八毛五", 3.85, "CNY", E, "level"),
    ("票价2元5角", "2元5角", 2.5, "CNY", E, "level"),
    ("存栏生猪12.5万头", "12.5万头", 125000, "count", E, "level"),
    ("家禽出栏80万羽", "80万羽", 800000, "count", E, "level"),
    ("销售蜂蜜3000箱", "3000箱", 3000, "count", E, "level"),
    ("架设电杆120根", "120根", 120, "count", E, "level"),
    ("投放鱼苗20万尾", "20万尾", 200000, "count", E, "level"),
]

#: near misses of the units: the unit word is part of a name or a word, not a measure
UNIT_NEGATIVES = [
    "5‰人口变动抽样调查", "1%人口抽样调查", "三方协议", "大米", "一头牛", "一根筋", "五角大楼", "千克拉",
]  # fmt: skip

#: signs (patterns.SIGN_WORDS): a minus after a verb or alone
SIGNED: list[Case] = [
    ("同比增长-1.2%", "增长-1.2%", -1.2, "percent", E, "growth"),
    ("增速为负2.7%", "负2.7%", -2.7, "percent", E, "level"),
    ("自然增长率为-0.68‰", "-0.68‰", -0.68, "per_mille", E, "level"),
    ("自然增長率為−0.68‰", "−0.68‰", -0.68, "per_mille", E, "level"),
    ("增长－3.5%", "增长－3.5%", -3.5, "percent", E, "growth"),
]

#: numbers without a unit where the meaning is clear: a magnitude with 万/亿 (unit ``number``)
UNITLESS: list[Case] = [
    ("出口额13.6亿，居全市前列", "13.6亿", 1.36e9, "number", E, "level"),
    ("打造超过150亿的产业集群", "超过150亿", 1.5e10, "number", MT, "level"),
    ("常住人口8.7万。", "8.7万", 87000, "number", E, "level"),
    ("惠及群众四百万", "四百万", 4e6, "number", E, "level"),
    ("游客约3.2万", "约3.2万", 32000, "number", AP, "level"),
    ("年均增收2—4万", "2—4万", 20000, "number", AL, "level"),
    ("两万", "两万", 20000, "number", E, "level"),
]

#: figures that look like words or dates: a count that looks like a year, a streak in digits
LOOKALIKES: list[Case] = [
    ("城镇新增就业2014人", "2014人", 2014, "count", E, "level"),
    ("出生1918人", "1918人", 1918, "count", E, "level"),
    ("连续11个月高于全省", "11个月", 11, "month", E, "level"),
    ("全年召开3次会议", "3次", 3, "count", E, "level"),
    ("上线率保持全州第一。", "第一", 1, "rank", E, "rank"),
    ("跻身全省前20强", "前20强", 20, "rank", AM, "rank"),
    ("与上年基本持平", "基本持平", 0, "percent", AP, "growth"),
]

#: not figures: streaks and periods in words, age bands, sections, sector names, chrome, names
NOT_FIGURES = [
    "连续三年获评", "连续两个月", "五年来", "用一年时间", "0-17岁人口", "(图1)", "一、综合",
    "第一产业增加值", "全县第一产业", "进入全州第一方阵", "2025 年 3 月 30 日", "Rank: 7", "[LV.9]",
    "一头牛", "央视一套", "进一步", "三次产业协同发展", "第十五届人民代表大会六次会议", "保持平稳",
    "十万火急", "时间10:30:45", "比分3:2:1", "百万雄师", "千千万万",
]  # fmt: skip

#: texts with several figures: (text, [(surface, value, unit, kind)]) read by hand
SEVERAL: list[tuple[str, list[tuple[str, float, str, str]]]] = [
    ("三次产业结构为12.4:38.9:48.7", [("12.4", 12.4, "percent", "share"), ("38.9", 38.9, "percent", "share"),
                                      ("48.7", 48.7, "percent", "share")]),
    ("三次产业比例调整为14.4：41.4：44.2。", [("14.4", 14.4, "percent", "share"), ("41.4", 41.4, "percent", "share"),
                                             ("44.2", 44.2, "percent", "share")]),
    ("三次產業結構為17.36:34.08:48.56", [("17.36", 17.36, "percent", "share"),
                                          ("34.08", 34.08, "percent", "share"), ("48.56", 48.56, "percent", "share")]),
    ("产业比为14.7:30.9:54.4,与上年的15.7:29.6:54.7相比", [
        ("14.7", 14.7, "percent", "share"), ("30.9", 30.9, "percent", "share"), ("54.4", 54.4, "percent", "share"),
        ("15.7", 15.7, "percent", "share"), ("29.6", 29.6, "percent", "share"), ("54.7", 54.7, "percent", "share")]),
    ("结构调整。比分为40:30:30", []),  # the structure word is in another sentence
    ("比例为1:2:3", []),  # no structure of a whole: the parts do not add up to 100
    ("结构10:30:45", []),
    ("企业由48家增至95家", [("48家", 48, "count", "level"), ("95家", 95, "count", "level")]),
    ("增长20%至30%", [("增长20%至30%", 20, "percent", "growth")]),
    ("分别增长13.9%和20%", [("增长13.9%", 13.9, "percent", "growth"), ("20%", 20, "percent", "level")]),
]  # fmt: skip

#: parse_quantity of a number alone: (text, value), unit ``number``; values by hand (cn2an agrees)
BARE_NUMBERS: list[tuple[str, float]] = [
    ("二百零三", 203), ("四万七", 47000), ("三千八", 3800), ("二十万零五", 200005), ("廿七", 27),
    ("壹仟贰佰", 1200), ("零点三", 0.3), ("负十五", -15), ("2,340,000", 2340000), ("5万2000", 52000),
    ("一亿", 1e8), ("１２３", 123), ("٣", 3), ("-4.5", -4.5), ("八百万", 8e6), ("两亿三千万", 2.3e8),
]  # fmt: skip
