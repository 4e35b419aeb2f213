#!/usr/bin/env python3
"""Write a valid cjm journey of any size to stdout, for benchmarks and stress tests.

    scripts/generate-journey.py --elements 1000 > j.cjm     # about 1,000 elements
    scripts/generate-journey.py --megabytes 50 > big.cjm    # about 50 MiB
    scripts/generate-journey.py --elements 5000 --seed 7    # another, equally valid journey

An "element" is one statement whose keyword is in the SPEC's element table (crm, phase,
persona, channel, leads, pipeline, stage, auto, site, page, ads, campaign, group, ad, query,
touchpoint, view); the text lines inside personas and touchpoints (goal, action, pain...),
`convert`, `cross_sell` and edges are written too but not counted. The exact count goes to
stderr. The same arguments always give the same bytes: every choice comes from one
random.Random seeded by --seed.

Every reference resolves: ids are unique in their scope (stages, autos, pages and ads reuse
short ids only inside their own block and are referred to from outside by qualified paths),
labels are Cyrillic, and identifiers mix Latin and Cyrillic so lexers meet both.
"""

import argparse
import io
import random
import sys

PHASES = [
    ("awareness", "Осведомлённость"),
    ("consideration", "Рассмотрение"),
    ("purchase", "Покупка"),
    ("retention", "Удержание"),
    ("advocacy", "Рекомендация"),
]

CHANNEL_KINDS = [
    ("messenger", ["Telegram", "Viber", "WhatsApp", "VK Мессенджер"]),
    ("form", ["Форма заявки", "Форма расчёта", "Квиз на сайте"]),
    ("social", ["Instagram", "ВКонтакте", "Одноклассники", "Дзен"]),
    ("email", ["Почта отдела продаж", "E-mail рассылка", "Ящик поддержки"]),
    ("phone", ["Входящие звонки", "Горячая линия", "Колл-трекинг"]),
    ("chat", ["Онлайн-чат", "Чат-бот", "Виджет обратного звонка"]),
    ("sms", ["SMS-ответы", "SMS-рассылка"]),
    ("classified", ["kufar.by", "deal.by", "Авито", "irr.by"]),
    ("offline", ["Выставка", "Шоурум", "Партнёрский салон"]),
    ("referral", ["Рекомендации", "Реферальная программа", "Сарафанное радио"]),
]

PRODUCTS = [
    "Ремонт станков", "Запчасти", "Сервисные контракты", "Монтаж", "Доставка", "Обучение персонала",
    "Аренда оборудования", "Пусконаладка", "Диагностика", "Модернизация", "Поверка приборов",
    "Расходные материалы", "Гарантийное обслуживание", "Выездной сервис", "Консалтинг",
]
REGIONS = ["Минск", "Гродно", "Брест", "Гомель", "Витебск", "Могилёв", "Москва", "Казань", "Екатеринбург", "Новосибирск"]

STAGE_NAMES = [
    "Новая сделка", "Квалификация", "Выявление потребности", "Диагностика", "Расчёт стоимости",
    "Коммерческое предложение", "Согласование", "Счёт на предоплату", "Оплата", "В работе",
    "Контроль качества", "Отгрузка", "Доставка", "Подписание акта", "Закрывающие документы",
]
WON_NAMES = ["Успешно", "Выполнено", "Оплачено полностью", "Договор продлён"]
LOST_NAMES = ["Провал", "Отказ", "Ушёл к конкуренту", "Нет бюджета"]

AUTO_KINDS = [
    ("email", ["Письмо с напоминанием", "Письмо с КП", "Письмо со ссылкой на инструкцию", "Письмо с отзывом"]),
    ("sms", ["SMS о статусе", "SMS с напоминанием об оплате", "SMS с трек-номером"]),
    ("call", ["Звонок менеджера", "Звонок: оценка качества"]),
    ("task", ["Задача мастеру", "Задача бухгалтерии", "Задача юристу"]),
    ("message", ["Сообщение в мессенджер", "Опрос CSAT в чате"]),
    ("webhook", ["Вебхук в 1С", "Вебхук в склад", "Вебхук в аналитику"]),
]
DURATIONS = ["15m", "30m", "1h", "2h", "6h", "1d", "2d", "3d", "5d", "1w", "2w", "4w"]

PAGE_NAMES = [
    "Главная", "Каталог", "Цены", "Услуги", "Кейсы", "Отзывы", "Контакты", "Доставка и оплата",
    "Инструкции", "Блог", "Гарантия", "Акции", "Статус заказа", "Вопросы и ответы", "О компании",
]
URL_SLUGS = ["catalog", "prices", "services", "cases", "reviews", "contacts", "delivery", "manual",
             "blog", "warranty", "promo", "status", "faq", "about", "pay"]

QUERY_WORDS = ["ремонт", "купить", "цена", "заказать", "сервис", "недорого", "срочно", "отзывы", "гарантия", "с доставкой"]
AUDIENCES = ["интерес: производство", "похожие на покупателей", "посетители сайта за 30 дней",
             "должность: главный механик", "владельцы мастерских", "добавили в корзину"]

ACTIONS = ["Ищет исполнителя в поиске", "Сравнивает цены на сайтах", "Звонит узнать сроки",
           "Оставляет заявку на сайте", "Оплачивает счёт", "Читает инструкцию", "Советует коллегам",
           "Пишет в мессенджер", "Открывает письмо с предложением", "Забирает заказ"]
PAINS = ["Долго ждёт ответа", "Не понимает итоговую цену", "Теряется между каналами",
         "Не получает подтверждение", "Сроки сдвигаются без предупреждения", "Сложно найти нужную страницу"]
IDEAS = ["Обратный звонок за пять минут", "Калькулятор цены на сайте", "Единая история обращений в CRM",
         "SMS с номером и статусом", "Напоминание за день до срока", "Поиск по сайту с подсказками"]
FEEDBACK = ["NPS после сделки", "CSAT после звонка", "Опрос после доставки", "Отзывы на сайте", "Интервью с клиентом"]
OWNERS = ["Отдел продаж", "Маркетолог", "Руководитель поддержки", "Сервисный инженер", "Директор по клиентскому опыту"]

PERSONA_NAMES = ["Владелец мастерской", "Главный механик", "Снабженец завода", "Частный мастер",
                 "Директор цеха", "Технолог", "Инженер по охране труда", "Закупщик сети"]


class CountingWriter:
    """Counts the UTF-8 bytes written, so --megabytes can measure a sample without keeping it."""

    def __init__(self, sink):
        self.sink = sink
        self.bytes = 0

    def write(self, text):
        self.bytes += len(text.encode("utf-8"))
        if self.sink is not None:
            self.sink.write(text)


def quote(text):
    """A cjm string literal; the vocabularies hold no quotes or backslashes, but stay safe."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class JourneyWriter:
    """Writes one journey of about `budget` elements; `elements` counts what was written."""

    def __init__(self, out, rng, budget):
        self.out = out
        self.rng = rng
        self.budget = max(budget, 40)
        self.elements = 0

    def line(self, indent, text, counts=True):
        self.out.write("  " * indent + text + "\n")
        if counts:
            self.elements += 1

    def edge_label(self, text):
        """` "text"` after an edge."""
        return f" {quote(text)}"

    def pick(self, items):
        return self.rng.choice(items)

    def write(self, title):
        rng = self.rng
        budget = self.budget
        n_personas = min(max(budget // 300, 2), 40)
        n_channels = min(max(budget // 40, 10), 400)
        fixed = 1 + len(PHASES) + 1 + 4 + 1 + 3
        rest = max(budget - fixed - n_personas * 1 - n_channels, 20)
        pipeline_budget = int(rest * 0.35)
        page_budget = max(int(rest * 0.10), 6)
        ads_budget = int(rest * 0.35)
        touchpoint_budget = max(rest - pipeline_budget - page_budget - ads_budget, 5)

        self.line(0, f"# Сгенерировано scripts/generate-journey.py: около {budget} элементов.", counts=False)
        self.line(0, f"journey {quote(title)} {{", counts=False)
        self.line(1, 'crm bitrix "Битрикс24"')
        for pid, label in PHASES:
            self.line(1, f"phase {pid} {quote(label)}")

        personas = self.write_personas(n_personas)
        channels = self.write_channels(n_channels)
        pages = self.plan_pages(page_budget)
        pipelines = self.plan_pipelines(pipeline_budget)
        self.write_leads(pipelines)
        autos_by_kind = self.write_pipelines(pipelines)
        self.write_site(pages)
        landed = self.write_ads(ads_budget, pages)
        touchpoints = self.write_touchpoints(touchpoint_budget, channels, personas)
        self.write_edges(autos_by_kind, channels, pages, landed, touchpoints)
        self.write_views(pipelines, personas)
        self.line(0, "}", counts=False)

    def write_personas(self, count):
        ids = []
        for i in range(count):
            pid = f"персона_{i + 1}"
            ids.append(pid)
            name = f"{PERSONA_NAMES[i % len(PERSONA_NAMES)]} ({REGIONS[i % len(REGIONS)]})"
            self.line(1, f"persona {pid} {quote(name)} {{")
            self.line(2, f"goal {quote('Вернуть оборудование в работу за ' + str(self.rng.randint(1, 5)) + ' дн.')}", counts=False)
            self.line(2, f"need {quote(self.pick(IDEAS))}", counts=False)
            self.line(2, f"motivation {quote(self.pick(PAINS) + ' — больше не хочет')}", counts=False)
            self.line(1, "}", counts=False)
        return ids

    def write_channels(self, count):
        """Every kind appears; a few channels are entered by hand or not integrated at all."""
        channels = []
        for i in range(count):
            kind, names = CHANNEL_KINDS[i % len(CHANNEL_KINDS)]
            cid = f"ch{i + 1}_{kind}"
            label = f"{names[(i // len(CHANNEL_KINDS)) % len(names)]} · {REGIONS[i % len(REGIONS)]}"
            attrs = [f"kind: {kind}"]
            if kind == "classified":
                attrs.append("crm: manual" if (i // len(CHANNEL_KINDS)) % 2 == 0 else "crm: none")
            elif kind == "offline":
                attrs.append("crm: none")
            if kind == "referral":
                attrs.append("phase: awareness")
            else:
                attrs.append(f"phase: {PHASES[self.rng.randrange(4)][0]}")
            attrs.append(f"count: {self.rng.randint(20, 900)}")
            self.line(1, f"channel {cid} {quote(label)} " + " ".join(attrs))
            channels.append((cid, kind))
        return channels

    def plan_pipelines(self, budget):
        """Decides the shape of every pipeline first, so `convert` can name them before they are written."""
        plans = []
        used = 0
        index = 0
        while used < budget or not plans:
            index += 1
            n_stages = self.rng.randint(4, 9)
            autos = [self.rng.randint(0, 2) for _ in range(n_stages)]
            if sum(autos) == 0:  # every pipeline automates something (the seed's advice)
                autos[self.rng.randrange(n_stages)] = 1
            product = PRODUCTS[(index - 1) % len(PRODUCTS)]
            plans.append({
                "id": f"p{index}",
                "label": f"{product} · {REGIONS[(index - 1) // len(PRODUCTS) % len(REGIONS)]} #{index}",
                "stages": n_stages,
                "autos": autos,
            })
            used += 1 + n_stages + 2 + sum(autos)
        return plans

    def write_leads(self, pipelines):
        self.line(1, 'leads "Лиды" {')
        self.line(2, 'stage new "Новый лид" count: 12000')
        self.line(2, 'stage qualify "Квалификация" count: 9000')
        self.line(2, 'stage need "Выяснение потребности" count: 7200')
        self.line(2, 'stage junk "Некачественный лид" lost from: qualify')
        if len(pipelines) <= 12:
            self.line(2, "convert -> " + ", ".join(p["id"] for p in pipelines), counts=False)
        self.line(1, "}", counts=False)

    def write_pipelines(self, pipelines):
        autos_by_kind = {}
        for n, plan in enumerate(pipelines):
            figures = (f"revenue: {self.rng.randint(100, 9000) * 1000} profit: {self.rng.randint(30, 900) * 1000} "
                       f"avg_check: {self.rng.randint(50, 5000)} ltv: {self.rng.randint(500, 20000)}")
            self.line(1, f"pipeline {plan['id']} {quote(plan['label'])} {figures} {{")
            count = self.rng.randint(200, 2000)
            # A new deal first, then a sample of the later stages kept in their natural order.
            later = sorted(self.rng.sample(range(1, len(STAGE_NAMES)), plan["stages"] - 1))
            names = [STAGE_NAMES[0]] + [STAGE_NAMES[i] for i in later]
            for s in range(plan["stages"]):
                sid = f"s{s + 1}"
                phase = PHASES[min(1 + s * 3 // plan["stages"], 3)][0]
                head = f"stage {sid} {quote(names[s])} count: {count} phase: {phase}"
                count = int(count * self.rng.uniform(0.8, 0.97))
                n_autos = plan["autos"][s]
                if n_autos == 0:
                    self.line(2, head)
                    continue
                self.line(2, head + " {")
                for a in range(n_autos):
                    kind, labels = AUTO_KINDS[self.rng.randrange(len(AUTO_KINDS))]
                    aid = f"a{s + 1}_{a + 1}"  # unique in the pipeline, its scope
                    self.line(3, f"auto {aid} {quote(self.pick(labels))} kind: {kind} after: {self.pick(DURATIONS)}")
                    autos_by_kind.setdefault(kind, []).append(f"{plan['id']}.{sid}.{aid}")
                self.line(2, "}", counts=False)
            self.line(2, f"stage won {quote(self.pick(WON_NAMES))} won count: {count}")
            self.line(2, f"stage lost {quote(self.pick(LOST_NAMES))} lost from: s{self.rng.randint(1, plan['stages'])}")
            if len(pipelines) > 1:
                other = pipelines[(n + 1 + self.rng.randrange(len(pipelines) - 1)) % len(pipelines)]
                self.line(2, f"cross_sell {other['id']}", counts=False)
            self.line(1, "}", counts=False)
        return autos_by_kind

    def plan_pages(self, count):
        pages = []
        for i in range(count):
            base = i % len(PAGE_NAMES)
            pages.append((f"стр{i + 1}", f"{PAGE_NAMES[base]} {i + 1}", f"/{URL_SLUGS[base]}/{i + 1}"))
        return pages

    def write_site(self, pages):
        self.line(1, 'site web "Сайт компании" {')
        for n, (pid, label, url) in enumerate(pages):
            phase = PHASES[n % len(PHASES)][0]
            self.line(2, f"page {pid} {quote(label)} url: {quote(url)} phase: {phase} count: {self.rng.randint(50, 9000)}")
        self.line(1, "}", counts=False)

    def write_ads(self, budget, pages):
        """Networks of campaigns → groups → ads → queries until the budget is spent; returns the pages landed on."""
        landed = set()
        used = 0
        network = 0
        while used < budget or network == 0:
            network += 1
            kind = "search" if network % 2 == 1 else "social"
            label = "Реклама в поиске" if kind == "search" else "Реклама в соцсетях"
            self.line(1, f"ads net{network} {quote(label + ' ' + str(network))} kind: {kind} {{")
            used += 1
            for c in range(self.rng.randint(3, 30)):
                if used >= budget and c > 0:
                    break
                product = self.pick(PRODUCTS)
                cid = f"c{c + 1}"
                self.line(2, f"campaign {cid} {quote(product)} {{")
                used += 1
                for g in range(self.rng.randint(1, 5)):
                    region = self.pick(REGIONS)
                    gid = f"{cid}g{g + 1}"  # ids are unique in the whole ads block, their scope
                    self.line(3, f"group {gid} {quote(product + ' — ' + region)} {{")
                    used += 1
                    for a in range(self.rng.randint(1, 4)):
                        page = pages[self.rng.randrange(len(pages))]
                        landed.add(page[0])
                        self.line(4, f"ad {gid}a{a + 1} {quote(product + ': ' + self.pick(IDEAS).lower())} "
                                     f"landing: {page[0]} count: {self.rng.randint(10, 5000)} {{")
                        used += 1
                        for _ in range(self.rng.randint(1, 4)):
                            if kind == "search":
                                text = f"{product.lower()} {self.pick(QUERY_WORDS)} {region.lower()}"
                            else:
                                text = f"{self.pick(AUDIENCES)}, {region}"
                            self.line(5, f"query {quote(text)} count: {self.rng.randint(1, 3000)}")
                            used += 1
                        self.line(4, "}", counts=False)
                    self.line(3, "}", counts=False)
                self.line(2, "}", counts=False)
            self.line(1, "}", counts=False)
        return landed

    def write_touchpoints(self, count, channels, personas):
        touchpoints = []
        for i in range(count):
            phase_index = i % len(PHASES)
            phase = PHASES[phase_index][0]
            cid, kind = channels[self.rng.randrange(len(channels))]
            if phase == "advocacy":
                cid = next(c for c, k in channels if k == "referral")
            emotion = self.rng.randint(-2, 2)
            tid = f"тк{i + 1}"
            touchpoints.append((tid, phase))
            self.line(1, f"touchpoint {tid} {quote(self.pick(ACTIONS) + ' №' + str(i + 1))} phase: {phase} "
                         f"channel: {cid} persona: {self.pick(personas)} emotion: {emotion} count: {self.rng.randint(5, 3000)} {{")
            self.line(2, f"action {quote(self.pick(ACTIONS))}", counts=False)
            if emotion < 0:
                self.line(2, f"pain {quote(self.pick(PAINS))}", counts=False)
            self.line(2, f"idea {quote(self.pick(IDEAS))}", counts=False)
            self.line(2, f"feedback {quote(self.pick(FEEDBACK))}", counts=False)
            self.line(2, f"owner {quote(self.pick(OWNERS))}", counts=False)
            self.line(1, "}", counts=False)
        return touchpoints

    def write_edges(self, autos_by_kind, channels, pages, landed, touchpoints):
        """Links from e-mails and SMS to pages (so pages are reached), and the referral loop."""
        unreached = [p for p in pages if p[0] not in landed]
        links = autos_by_kind.get("email", []) + autos_by_kind.get("sms", [])
        for n, auto in enumerate(links):
            page = unreached[n] if n < len(unreached) else pages[self.rng.randrange(len(pages))]
            self.line(1, f"{auto} -> {page[0]}{self.edge_label('ссылка в сообщении')}", counts=False)
        for cid, kind in channels:
            if kind in ("email", "sms", "messenger"):
                page = pages[self.rng.randrange(len(pages))]
                self.line(1, f"{cid} -> {page[0]}{self.edge_label('ссылка на сайт')} style: dashed", counts=False)
        referral = next(c for c, k in channels if k == "referral")
        for tid, phase in touchpoints:
            if phase == "advocacy":
                self.line(1, f"{tid} -> {referral}{self.edge_label('рекомендация')} style: bold", counts=False)
                break

    def write_views(self, pipelines, personas):
        self.line(1, 'view ads_only "Реклама и сайт" show: ads, site')
        self.line(1, f"view first_pipeline {quote('Одна воронка')} show: crm, leads, {pipelines[0]['id']}")
        self.line(1, f"view persona_path {quote('Путь персоны')} show: touchpoints persona: {personas[0]}")


def generate(elements, seed, sink):
    writer = CountingWriter(sink)
    journey = JourneyWriter(writer, random.Random(seed), elements)
    journey.write(f"Сгенерированный путь клиента (seed {seed})")
    return journey.elements, writer.bytes


def elements_for_size(target_bytes, seed):
    """Measures bytes per element on a sample with the same seed and scales it to the target."""
    sample = 20_000
    _, size = generate(sample, seed, None)
    estimate = max(int(sample * target_bytes / size), 40)
    # A second measurement corrects for the parts that do not grow linearly (personas, channels).
    _, size = generate(min(estimate, 200_000), seed, None)
    return max(int(min(estimate, 200_000) * target_bytes / size), 40)


def main():
    parser = argparse.ArgumentParser(description="Write a valid cjm journey of a given size to stdout.")
    size = parser.add_mutually_exclusive_group(required=True)
    size.add_argument("--elements", type=int, help="approximate number of elements")
    size.add_argument("--megabytes", type=float, help="approximate file size in MiB")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1); same seed, same bytes")
    args = parser.parse_args()

    if args.elements is not None and args.elements < 1:
        parser.error("--elements must be positive")
    if args.megabytes is not None and args.megabytes <= 0:
        parser.error("--megabytes must be positive")
    elements = args.elements if args.elements is not None else elements_for_size(args.megabytes * 1024 * 1024, args.seed)

    out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="\n", write_through=False)
    count, size = generate(elements, args.seed, out)
    out.flush()
    print(f"generate-journey: {count} elements, {size} bytes (seed {args.seed})", file=sys.stderr)


if __name__ == "__main__":
    main()
