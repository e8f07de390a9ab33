"""The vacancy classifier's posting-state and cross-language cues, on sentences written here."""

import math
from collections import Counter

import pytest

from tests.extract_helpers import cues
from understand.text import Doc, normalise
from understand.vacancy import CUE_NAMES, Model, char_grams, features, model, vacancy_score


def score(text: str) -> float:
    return vacancy_score(Doc(normalise(text)))[0]


@pytest.mark.parametrize(
    ("cue", "text"),
    [
        ("says the selection is closed", "Applications are now closed for the field monitor role."),
        ("says the selection is closed", "Assistente de projetos: inscrições encerradas em 12/05."),
        ("says the selection is closed", "Прием заявок завершен, спасибо всем откликнувшимся."),
        ("says the selection is closed", "Thank you: the paralegal post has been filled."),
        ("says the selection is closed", "Merci : le poste de juriste a été pourvu."),
        ("says the selection is closed", "El puesto de contador ya fue cubierto."),
        ("says the selection is closed", "Die Stelle ist bereits besetzt."),
        ("career advice", "Seven top tips for writing a motivation letter to an NGO."),
        ("career advice", "5 professions for graduates who care about justice."),
        ("career advice", "Profissões para quem quer trabalhar com a defesa de direitos."),
        ("selection of office holders", "The Council will choose two special rapporteurs in June."),
        ("selection of office holders", "El Consejo elegirá a los relatores especiales en junio."),
        ("news byline", "Posted on 3 June 2031 by the communications team."),
        ("news byline", "Publicado em 3 de junho de 2031 pela equipe."),
        ("reports in the past tense", "The director announced the opening of a second office."),
        ("reports in the past tense", "Директор рассказал журналистам о новом офисе."),
        ("an employer seeks someone", "Poszukujemy prawniczki do zespołu pomocy migrantom."),
        ("an employer seeks someone", "Wij zoeken een jurist voor ons team in Utrecht."),
        ("an employer seeks someone", "Фондацията набира сътрудник по проекти в София."),
        ("an employer seeks someone", "A associação está a contratar um técnico jurídico."),
        ("says it is a vacancy", "Vacatures: beleidsmedewerker mensenrechten (32 uur)."),
        ("says it is a vacancy", "Volné pracovní místo: asistent/ka projektu."),
        ("has job-advert sections", "Wymagania: wykształcenie prawnicze i znajomość angielskiego."),
        ("words a job advert uses", "Oferujemy umowę o pracę na pełny etat."),
        ("words a job advert uses", "Wij bieden een contract voor 32 uur per week."),
        ("tells how to apply", "Solliciteren kan tot 1 juni via het formulier."),
        ("an employer seeks someone", "The clinic is currently seeking a part-time paralegal."),
        ("an employer seeks someone", "Udruga traži 2 terenska suradnika za projekt u Splitu."),
        ("an employer seeks someone", "Qendra është në kërkim të një juristi për zyrën në Vlorë."),
        ("an employer seeks someone", "Mərkəz layihə üçün hüquqşünas axtarır."),
        ("an employer seeks someone", "Կենտրոնը փնտրում է ծրագրի համակարգող։"),
        ("says it is a vacancy", "Vakansiya: hüquq məsləhətçisi (Gəncə ofisi)."),
        ("says it is a vacancy", "Vende të lira pune: asistent/e për projektin e të drejtave."),
        ("says it is a vacancy", "Oglas za radno mjesto pravnog savjetnika u Mostaru."),
        ("says it is a vacancy", "Թափուր աշխատատեղ՝ իրավաբան Գյումրիի գրասենյակում։"),
        ("tells how to apply", "Rok za prijavu je 15. svibnja, prijave šaljite e-poštom."),
        ("tells how to apply", "Afati i fundit për aplikim është 20 maj."),
        ("says it is a vacancy", "Udruženje objavljuje konkurs za prijem u radni odnos."),
        ("says it is a vacancy", "Оглас за пријем сарадника у радни однос на одређено време."),
        ("says it is a vacancy", "Оглас за вработување: правен советник во Битола."),
        ("says it is a vacancy", "تعلن الجمعية عن فتح باب الترشح لمنصب مساعد قانوني."),
        ("says it is a vacancy", "مسابقة لشغل منصب مسؤول اتصال في المكتب الجهوي."),
        ("says it is a vacancy", "آگهی استخدام: مددکار اجتماعی در مشهد"),
        ("says it is a vacancy", "Fundata shpall konkurs për një asistent ligjor në Durrës."),
        ("says it is a vacancy", "Dernek saha ekibi için personel alımı yapacaktır."),
        ("says it is a vacancy", "İşə qəbul: Gəncə ofisi üçün layihə köməkçisi."),
        ("says it is a vacancy", "ფონდი აცხადებს კონკურსს ბუღალტრის თანამდებობაზე."),
        ("says it is a vacancy", "Կազմակերպությունը հայտարարում է մրցույթ հաշվապահի համար։"),
        ("an employer seeks someone", "Potreban nam je terenski saradnik za Kragujevac."),
        ("an employer seeks someone", "Тражимо правног саветника за канцеларију у Новом Саду."),
        ("an employer seeks someone", "يبحث المركز عن محاسب بدوام جزئي."),
        ("an employer seeks someone", "از افراد واجد شرایط دعوت به همکاری می‌شود."),
        ("an employer seeks someone", "Організація запрошує до команди юриста у Дніпрі."),
        ("an employer seeks someone", "Фонд приглашает в команду бухгалтера."),
        ("tells how to apply", "Prijave slati elektronskom poštom do kraja meseca."),
        ("tells how to apply", "لتقديم الطلبات يرجى زيارة موقع الجمعية."),
        ("tells how to apply", "لطفاً رزومه خود را به نشانی دفتر بفرستید."),
        ("tells how to apply", "Özgeçmişler en geç 3 Haziran'a kadar iletilmelidir."),
        ("tells how to apply", "რეზიუმე გამოაგზავნეთ ელფოსტით."),
        ("has job-advert sections", "Opis posla: priprema izveštaja i vođenje evidencije."),
        ("has job-advert sections", "المؤهلات: شهادة في العلوم الاجتماعية."),
        ("has job-advert sections", "شرح وظایف: پیگیری امور مالی دفتر"),
        ("has job-advert sections", "Detyrat: përgatitja e raporteve mujore."),
        ("has job-advert sections", "Görev ve sorumluluklar: saha ziyaretlerinin planlanması."),
        ("has job-advert sections", "Tələblər: ali təhsil və Excel biliyi."),
        ("has job-advert sections", "მოვალეობები: ანგარიშების მომზადება."),
        ("has job-advert sections", "Պարտականություններ՝ հաշվետվությունների պատրաստում։"),
        ("has job-advert sections", "Обов'язки: ведення бухгалтерського обліку."),
        ("words a job advert uses", "Tražimo najmanje dvije godine radnog iskustva."),
        ("words a job advert uses", "حداقل دو سال سابقه کار مرتبط"),
        ("words a job advert uses", "Ми пропонуємо гнучкий графік і навчання."),
        ("names a contract kind", "Стажування для студентів-правників у Києві."),
        ("names a contract kind", "სტაჟირების პროგრამა იურისტებისთვის."),
        ("names a contract kind", "Yaz dönemi staj programı başvuruları açıldı."),
        ("calls for volunteers", "Повик за волонтери за правното советувалиште."),
        ("calls for volunteers", "Önkénteseket keresünk a jogsegélyszolgálathoz."),
        ("grant call", "ფონდი აცხადებს საგრანტო კონკურსს სათემო ორგანიზაციებისთვის."),
        ("says it is a vacancy", "A Defensoria abre concurso público para analista jurídico."),
        ("says it is a vacancy", "Avviso di selezione per un operatore legale a Bari."),
        ("names a contract kind", "TDR: consultor para la evaluación final del proyecto."),
        ("names a contract kind", "Buscamos becaria para el área de comunicación."),
        ("calls for volunteers", "Become a volunteer at our legal aid desk this spring."),
        ("calls for volunteers", "Потрібні волонтери для гарячої лінії у Львові."),
        ("calls for volunteers", "Търсим доброволци за приемната в Пловдив."),
        ("calls for volunteers", "Volontiraj s nama u savjetovalištu za žrtve."),
        ("calls for volunteers", "Szukamy wolontariuszy do punktu pomocy prawnej."),
        ("names the role for all genders", "Referent*in für Asylrecht (m/w/d), 30 Stunden."),
        ("names the role for all genders", "Chargé(e) de plaidoyer H/F, basé(e) à Lyon."),
        ("names the role for all genders", "Se busca técnica/o de incidencia para Quito."),
        ("heading: contact", "Contact\nThe office answers the phone from nine to five."),
    ],
)
def test_a_cue_fires_on_its_sentence(cue, text):
    assert cue in CUE_NAMES
    assert cue in cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "The assistant solicited funds; Je l'ai sollicité hier.",  # not Dutch "solliciteren"
        "The office is open from nine to five and welcomes visitors.",
        "Our office is closed between the winter holidays; health cover starts on day one.",
        "We read applications as they arrive until the role is filled.",
        "Les candidatures sont lues jusqu'à ce que le poste soit pourvu.",
        "Contact\nWrite to the office with questions about our reports.",  # a contact heading
    ],
)
def test_look_alike_prose_fires_no_state_cue(text):
    assert not {"says the selection is closed", "tells how to apply"} & cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "The 2024/25 budget and/or its annex, w/o changes, at 9/10 of cost.",
        "Read the report (PDF) and the summary (a short version).",
    ],
)
def test_slashes_that_are_not_gender_marks(text):
    assert "names the role for all genders" not in cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "Knowledge of Kazakh is an added advantage for this post.",
        "Anuncio de vacante: oficial de protección en Quito.",  # a noun here, not "anunció"
    ],
)
def test_job_advert_wording_is_not_reporting(text):
    assert "reports in the past tense" not in cues(text)


POLISH_VACANCY = (
    "Poszukujemy osoby na stanowisko: Koordynator/ka projektu praw człowieka\n"
    "Zakres obowiązków:\nkoordynacja szkoleń dla prawników\nprzygotowanie raportów\n"
    "Wymagania:\nwykształcenie wyższe\nznajomość języka angielskiego\n"
    "Oferujemy:\numowę o pracę na pełny etat\n"
    "Zgłoszenia (CV) prosimy przesyłać do 30 czerwca."
)
DUTCH_VACANCY = (
    "Vacature: Beleidsmedewerker mensenrechten (32 uur)\n"
    "Wij zoeken een beleidsmedewerker die ons werk rond detentie versterkt.\n"
    "Wat ga je doen\nJe schrijft analyses en onderhoudt contact met partners.\n"
    "Functie-eisen\nAfgeronde master rechten en twee jaar ervaring.\n"
    "Wij bieden\nEen contract voor een jaar met uitzicht op verlenging.\n"
    "Solliciteren kan tot 1 juni."
)
SERBIAN_VACANCY = (
    "Оглас за пријем приправника\n"
    "\n"
    "Центар за права мањина расписује јавни оглас за пријем два приправника "
    "у радни однос на одређено време. "
    "Услови: завршен правни факултет. "
    "Пријаве се подносе у року од 15 дана од дана објављивања огласа."
)
ARABIC_VACANCY = (
    "إعلان عن وظيفة: منسق مشروع\n"
    "\n"
    "تعلن جمعية حقوق الإنسان عن فتح باب الترشح لشغل منصب منسق مشروع في تونس. المهام: "
    "متابعة الأنشطة وإعداد التقارير. المؤهلات المطلوبة: "
    "شهادة جامعية في القانون وخبرة ثلاث سنوات. يرجى إرسال السيرة الذاتية قبل 30 أبريل."
)
PERSIAN_VACANCY = (
    "آگهی استخدام کارشناس حقوقی\n"
    "\n"
    "سازمان حقوق بشر برای تکمیل کادر خود در کابل یک کارشناس حقوقی استخدام می\u200cکند. "
    "شرح وظایف: پیگیری پرونده\u200cها و تهیه گزارش. شرایط احراز: "
    "مدرک لیسانس حقوق و دو سال سابقه کار. متقاضیان رزومه خود را تا ۱۵ حمل ارسال کنند."
)
ALBANIAN_VACANCY = (
    "Njoftim për vend të lirë pune\n"
    "\n"
    "Qendra për të Drejtat e Njeriut shpall konkurs për pozicionin Koordinator Projekti në Tiranë. "
    "Detyrat: menaxhimi i aktiviteteve dhe raportimi. Kualifikimet: "
    "diplomë në drejtësi dhe tre vjet përvojë. "
    "Kandidatët e interesuar duhet të dërgojnë CV-në deri më 30 prill."
)
GEORGIAN_VACANCY = (
    "სამართლის მრჩეველი\n"
    "\n"
    "ადამიანის უფლებათა ცენტრი აცხადებს კონკურსს სამართლის მრჩევლის პოზიციაზე თბილისის ოფისში. "
    "მოვალეობები: იურიდიული კონსულტაციების გაწევა. მოთხოვნები: "
    "სამართლის ხარისხი და ორი წლის გამოცდილება. რეზიუმე გამოგზავნეთ 20 მაისამდე."
)
CLOSED_CAREERS_PAGE = (
    "Careers\n"
    "Thank you for your interest in working with us.\n"
    "Communications Officer (remote) - applications are now closed.\n"
    "Legal Adviser (Geneva) - this position has been filled.\n"
    "Follow our newsletter to hear about future openings."
)
RAPPORTEUR_NEWS = (
    "Council picks new special rapporteurs\n"
    "Posted on 3 June 2031\n"
    "The Human Rights Council appointed three independent experts on Friday, the president "
    "announced. The mandate holders will report to the Council next year, a spokesperson said."
)
CAREER_ADVICE = (
    "7 top tips for a career in human rights\n"
    "6 min read\n"
    "If you're considering a career in human rights, start with volunteering and learn a second "
    "language. Many people work for years before they find a paid role."
)


@pytest.mark.parametrize(
    "text",
    [
        POLISH_VACANCY,
        DUTCH_VACANCY,
        SERBIAN_VACANCY,
        ARABIC_VACANCY,
        PERSIAN_VACANCY,
        ALBANIAN_VACANCY,
        GEORGIAN_VACANCY,
    ],
    ids=["pl", "nl", "sr", "ar", "fa", "sq", "ka"],
)
def test_vacancies_in_more_languages(text):
    assert score(text) >= 0.5


CLOSED_POSTING = (
    "Paralegal (Yerevan) - applications are now closed\n"
    "The legal clinic was recruiting a paralegal for its detention team, on a one-year contract.\n"
    "Responsibilities\nPrepare case files and visit clients with the lawyers\n"
    "Requirements\nA law degree and fluent Armenian and English."
)


def test_a_closed_posting_stays_a_vacancy():
    """Corpus convention: one posting marked closed is a vacancy; a list of closed roles is not."""
    assert score(CLOSED_POSTING) >= 0.5


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(CLOSED_CAREERS_PAGE, id="closed"),
        pytest.param(RAPPORTEUR_NEWS, id="news"),
        pytest.param(CAREER_ADVICE, id="advice"),
    ],
)
def test_pages_about_jobs_that_are_not_open_vacancies(text):
    assert score(text) < 0.5


def test_learned_weights_of_the_state_cues():
    w = model().cue_w
    assert w["career advice"] < 0
    assert w["selection of office holders"] < 0


def test_scores_equal_tf_idf_written_out():
    """The run-time array path gives the textbook sublinear TF-IDF dot product."""
    m = model()
    feats = features(Doc(normalise(DUTCH_VACANCY)))

    def block(grams, vocab, idf, w):
        row = {
            vocab[t]: (1 + math.log(n)) * idf[vocab[t]]
            for t, n in Counter(grams).items()
            if t in vocab
        }
        norm = math.sqrt(sum(v * v for v in row.values()))
        return sum(v * w[i] for i, v in row.items()) / norm if norm else 0.0

    expected = (
        block(char_grams(feats.flat, m.char_n), m.chars.vocab, m.char_idf, m.char_w)
        + block(feats.words, m.words, m.word_idf, m.word_w)
        + sum(m.cue_w[name] for name in feats.cues)
        + m.intercept
    )
    assert m.decision([feats])[0] == pytest.approx(expected, abs=1e-9)


def test_wide_characters_are_counted_like_the_others():
    """N-grams with an emoji (beyond 16 bits) and plain ones score as the written-out sum."""
    terms = sorted({"job", " jo", "ob ", "🌍 j", " 🌍 ", "b 🌍", "ob 🌍"})
    data = {
        "char_n": [3, 4],
        "chars": {"terms": terms, "idf": [1.0] * len(terms), "weights": [1.0] * len(terms)},
        "words": {"terms": ["job"], "idf": [1.0], "weights": [0.0]},
        "cues": {},
        "intercept": 0.0,
        "platt": [1.0, 0.0],
    }
    m = Model.from_json(data)
    feats = [features(Doc(t)) for t in ("job 🌍 job 🌍", "no match here", "🌍")]
    grams = [Counter(t for t in char_grams(f.flat, m.char_n) if t in terms) for f in feats]
    expected = [
        sum(1 + math.log(n) for n in g.values())
        / math.sqrt(sum((1 + math.log(n)) ** 2 for n in g.values()))
        if g
        else 0.0
        for g in grams
    ]
    assert grams[0]["🌍 j"] == 1 and grams[0][" 🌍 "] == 2 and grams[0]["job"] == 2
    assert list(m.decision(feats)) == pytest.approx(expected, abs=1e-12)


def test_several_closed_roles_make_a_list_and_one_does_not():
    listing = (
        "Opportunities\nOutreach Worker (Tbilisi) - applications closed.\n"
        "Office Manager - the post has been filled.\nNew calls appear here."
    )
    single = (
        "Outreach Worker (Tbilisi) - applications closed.\nThe centre sought an outreach worker.\n"
        "Responsibilities\nMeet families in the shelters."
    )
    assert "lists closed roles" in cues(listing)
    assert "lists closed roles" not in cues(single)
