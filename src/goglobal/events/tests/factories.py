import datetime

import factory

from goglobal.accounts.tests.factories import UserFactory
from goglobal.events import services
from goglobal.events.models import Event, MeetingRequest, Participant


class EventFactory(factory.django.DjangoModelFactory):
    """An event of one day (two with ``days=2``) with slots and tables made by the service."""

    class Meta:
        model = Event

    name_en = factory.Sequence(lambda n: f"Shanghai Going Global Conference {n}")
    name_zh_hans = "上海企业出海推介会"
    name_zh_hant = "上海企業出海推介會"
    city = "上海"
    venue = "上海国际会议中心"
    timezone = "Asia/Shanghai"
    starts_on = datetime.date(2026, 11, 5)
    ends_on = datetime.date(2026, 11, 5)
    status = "open"
    organiser = factory.SubFactory(UserFactory, role="organiser")

    @classmethod
    def _create(cls, model_class, *args, slots=4, tables=2, **kwargs):
        event = super()._create(model_class, *args, **kwargs)
        pattern = services.SlotPattern(
            day_start=datetime.time(9, 0),
            day_end=datetime.time(9 + (20 * slots) // 60, (20 * slots) % 60),
            minutes=20,
            tables=tables,
        )
        services.events._slots_replace(event, pattern)
        return event


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant
        skip_postgeneration_save = True

    event = factory.SubFactory(EventFactory)
    full_name = factory.Faker("name", locale="zh_CN")
    organisation_name = factory.Faker("company", locale="zh_CN")
    kind = "enterprise"
    email = factory.Sequence(lambda n: f"person{n}@example.cn")
    language = "zh-hans"

    @factory.post_generation
    def available(self, create, extracted, **kwargs):
        if create:
            self.available_slots.set(extracted if extracted is not None else self.event.slots.all())


class MeetingRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingRequest

    requester = factory.SubFactory(ParticipantFactory)
    requested = factory.SubFactory(
        ParticipantFactory, event=factory.SelfAttribute("..requester.event")
    )
    event = factory.SelfAttribute("requester.event")
    priority = "must_meet"
