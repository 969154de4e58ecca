"""The topics a metric may belong to: the one list, in the order of a county statistical bulletin.

Sections of a bulletin (综合, 人口, 农业, 工业 …) come first, then the subjects
that government work reports add (reform, regional cooperation, rankings).
A metric whose topic is not listed here is refused (``unknown-topic``).
"""

from __future__ import annotations

from types import MappingProxyType

#: code -> (Chinese label, English label)
TOPICS = MappingProxyType(
    {
        "economy": ("综合", "Economy overall"),
        "population": ("人口", "Population"),
        "employment": ("就业", "Employment"),
        "agriculture": ("农业", "Agriculture, forestry, animal husbandry and fishery"),
        "industry": ("工业和建筑业", "Industry and construction"),
        "investment": ("固定资产投资", "Fixed-asset investment"),
        "consumption": ("国内贸易", "Domestic trade and consumption"),
        "foreign_trade": ("对外经济", "Foreign trade and investment"),
        "public_finance": ("财政", "Public finance"),
        "finance": ("金融", "Banking and finance"),
        "prices": ("价格", "Prices"),
        "living_standards": ("人民生活", "Incomes and living standards"),
        "social_security": ("社会保障", "Social security"),
        "education": ("教育", "Education"),
        "health": ("卫生健康", "Health"),
        "tourism": ("文化和旅游", "Culture and tourism"),
        "environment": ("生态环境", "Environment"),
        "urban_rural": ("城乡建设", "Urban and rural development"),
        "transport": ("交通", "Transport"),
        "innovation": ("科技创新", "Science, technology and innovation"),
        "governance": ("改革和政务服务", "Reform and government services"),
        "regional_cooperation": ("区域合作", "Regional cooperation"),
        "ranking": ("排名", "Rankings"),
    }
)

TOPIC_CODES: tuple[str, ...] = tuple(TOPICS)


def is_topic(code: str) -> bool:
    """Whether ``code`` is one of the documented topics."""
    return code in TOPICS
