"""One generic spider per job platform; the registry's `platform` picks one from SPIDERS."""

from spiders.platforms.amnesty import AmnestySpider
from spiders.platforms.ashby import AshbySpider
from spiders.platforms.bamboohr import BambooHRSpider
from spiders.platforms.base import PlatformSpider
from spiders.platforms.feed import FeedSpider
from spiders.platforms.greenhouse import GreenhouseSpider
from spiders.platforms.jsonld import JsonLdSpider
from spiders.platforms.lever import LeverSpider
from spiders.platforms.personio import PersonioSpider
from spiders.platforms.recruitee import RecruiteeSpider
from spiders.platforms.reliefweb import ReliefWebSpider
from spiders.platforms.smartrecruiters import SmartRecruitersSpider
from spiders.platforms.uncareers import UNCareersSpider
from spiders.platforms.workable import WorkableSpider

SPIDERS: dict[str, type[PlatformSpider]] = {
    spider.name: spider
    for spider in (
        GreenhouseSpider,
        LeverSpider,
        FeedSpider,
        JsonLdSpider,
        ReliefWebSpider,
        WorkableSpider,
        SmartRecruitersSpider,
        PersonioSpider,
        RecruiteeSpider,
        AshbySpider,
        BambooHRSpider,
        UNCareersSpider,
        AmnestySpider,
    )
}

__all__ = ["SPIDERS", "PlatformSpider"]
