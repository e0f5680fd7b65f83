"""Names that are no organisation or person (loader/extract/mentions.py _without_diseases, _credit_rating,
_legal_forms_joined; loader/data/disease_words.tsv, financial_terms.tsv): a disease or its variant, a credit rating's
grade, a legal form the model tagged apart from its company's name. Sentences written for these tests."""
from loader.extract.mentions import _legal_forms_joined
from loader.extract.nlp import get_nlp
from tests.test_financial_tokens import named
from tests.test_person_typing import mention


def test_a_disease_and_its_variant_are_no_entities():
    assert named("Health officials said the Omicron variant spread quickly in December. Doctors said vaccines work "
                 "against Omicron, and Pfizer is testing an Omicron-specific booster.",
                 "Hospitals reported more COVID-19 cases this week. The impact of COVID-19 on the retail industry "
                 "was large, the report said.") == [[("Pfizer", "PERSON", "Pfizer")], []]


def test_a_variant_named_like_a_place_or_a_company_is_no_entity_but_the_company_stays():
    assert named("The Delta variant drove a surge of infections last summer. Delta Air Lines said bookings fell.") \
        == [[("Delta Air Lines", "ORG", "Delta Air Lines")]]


def test_a_company_before_a_word_of_vaccination_stays():
    assert named("Veranta Bio said its vaccine protects children. Analysts expect the Veranta Bio vaccine to win "
                 "approval.") == [[("Veranta Bio", "ORG", "Veranta Bio")] * 2]


def test_credit_rating_grades_are_no_entities():
    assert named("The fund invests in municipal bonds rated Baa and BBB or better.",
                 "Fitch cut the county's rating to BBB- from A-, and its water bonds now carry a Baa2.") == [[], []]


def test_a_grade_that_is_also_a_body_stays_without_a_rating_word():
    assert named("The BBB said it received 300 complaints about the roofer. AAA said gas prices rose five cents.") \
        == [[("BBB", "ORG", "BBB"), ("AAA", "ORG", "AAA")]]


def test_a_legal_form_tagged_apart_ends_the_name_before_it():
    assert named("Rowan Asset Management LLC raised its stake in Dorel Foods by 4%. Halvern Wealth Advisors, LLC "
                 "grew its position too.") == [[
        ("Rowan Asset Management LLC", "ORG", "Rowan Asset Management LLC"), ("Dorel Foods", "ORG", "Dorel Foods"),
        ("Halvern Wealth Advisors, LLC", "ORG", "Halvern Wealth Advisors, LLC")]]


def test_a_bare_legal_form_after_no_name_is_no_mention_but_a_word_for_the_company_stays():
    text = "Two funds sold shares. LLC filings rose, and the Company said revenue grew."
    doc = get_nlp()(text)
    kept = _legal_forms_joined(doc, text, [mention(doc, "LLC", "ORG"), mention(doc, "Company", "ORG")])
    assert [(m.text, m.type) for m in kept] == [("Company", "ORG")]


def test_a_legal_form_after_capitalised_words_no_name_holds_ends_their_company():
    assert named("Finally, Quillon Ridge Advisors LLC bought a new stake in shares of Dorel Foods.") == [[
        ("Quillon Ridge Advisors LLC", "ORG", "Quillon Ridge Advisors LLC"), ("Dorel Foods", "ORG", "Dorel Foods")]]


def test_a_state_code_after_a_city_is_no_legal_form_and_the_city_stays_a_place():
    # "CO", "NV" and "SA" are legal forms too ("Acme Co", "Philips NV", "Repsol SA"), but after a place they are its
    # state, named as the state
    assert named("The plant is in Denver, CO, near the airport.", "Las Vegas, NV, hosted the show.",
                 "The festival opened in Adelaide, SA, on Friday.") == [
        [("Denver", "GPE", "Denver"), ("CO", "GPE", "Colorado")],
        [("Las Vegas", "GPE", "Las Vegas"), ("NV", "GPE", "Nevada")],
        [("Adelaide", "GPE", "Adelaide"), ("SA", "GPE", "South Australia")]]


def test_a_country_after_a_companys_legal_form_stays_a_place_but_a_filers_state_joins_its_name():
    assert named("Toyota Motor Corp. US sales rose 5% in May.",
                 "Brown T Lane Associates Inc. MD now owns 2,100,500 shares of Dorel Foods.") == [
        [("Toyota Motor Corp.", "ORG", "Toyota Motor Corp."), ("US", "GPE", "United States")],
        [("Brown T Lane Associates Inc. MD", "ORG", "Brown T Lane Associates Inc. MD"),
         ("Dorel Foods", "ORG", "Dorel Foods")]]


def test_a_place_counting_its_cases_stays_a_place():
    assert named("India reported 30,000 new COVID-19 cases on Monday as India cases hit their highest in months.",
                 "Europe cases rose again as the Omicron variant spread, officials in Brussels said.") == [
        [("India", "GPE", "India")] * 2, [("Europe", "LOC", "Europe"), ("Brussels", "GPE", "Brussels")]]


def test_a_ticker_written_as_a_stock_is_the_company_the_article_names_with_its_letters():
    assert named("Vantrel Health Co. reported results on Tuesday. Shares of VNTR opened at $92.87 on Monday. VNTR "
                 "has been the topic of several research reports.",
                 "Physicists at VNTR said the collider found a new particle. Shares of Acme rose.") == [
        [("Vantrel Health Co.", "ORG", "Vantrel Health Co.")] + [("VNTR", "ORG", "Vantrel Health Co.")] * 2,
        [("VNTR", "ORG", "VNTR"), ("Acme", "ORG", "Acme")]]


def test_a_code_name_is_a_disease_in_an_article_about_health_and_a_company_named_after_one_stays():
    found = named("Hiring slowed because of COVID-19, the ministry said. Nurses gave 40,000 vaccine doses as COVID-19 spread.",
                  "Viewers of KTLA-5 saw the parade on Monday, and KTLA-5 said ratings rose.",
                  "Omicron Capital said it raised a new fund. Shares of Omicron Capital rose.")
    assert [[name for name, _, _ in item] for item in found] == [
        [], ["KTLA-5"], ["Omicron Capital", "Omicron Capital"]]


def test_a_code_name_far_from_any_word_of_health_stays():
    found = named("She now reports for GMX-7 in Manila. She studied online at the height of the pandemic.")
    assert [[name for name, _, _ in item] for item in found] == [["GMX-7", "Manila"]]  # its type is another rule's


def test_a_nationality_before_a_word_of_health_stays():
    assert named("Palestinian deaths passed 30,000 on Monday, and Palestinian officials called for a ceasefire.",
                 "Ukraine was hit by a wave of Russian drones overnight, and Russian forces advanced near Kharkiv.",
                 "Analysts expected a Republican wave in November, but Republican candidates lost.") == [
        [("Palestinian", "NORP", "Palestinian")] * 2,
        [("Ukraine", "GPE", "Ukraine"), ("Russian", "NORP", "Russian"), ("Russian", "NORP", "Russian"),
         ("Kharkiv", "LOC", "Kharkiv")],
        [("Republican", "NORP", "Republican")] * 2]


def test_an_organisation_before_patients_or_cases_stays():
    assert named("Medicare patients will pay less for insulin, and Medicare will cover more drugs.",
                 "Officials traced the Chipotle outbreak to lettuce, and Chipotle closed 40 stores.",
                 "Omicron cases rose in Ohio, and doctors said the omicron surge would peak in January.") == [
        [("Medicare", "ORG", "Medicare")] * 2, [("Chipotle", "PERSON", "Chipotle")] * 2,  # its type is another rule's
        [("Ohio", "GPE", "Ohio")]]


def test_a_code_shaped_station_stays_in_a_sentence_of_shots_fired():
    found = named("Police said shots were fired near the school, KTLA-5 reported. Viewers of KTLA-5 saw the chase "
                  "live.",
                  "Hiring slowed in Ohio as COVID-19 kept workers home.",
                  "Ratings of GMX-7 fell during the pandemic, and GMX-7 cut jobs.")
    assert [[name for name, _, _ in item] for item in found] == [["KTLA-5"], ["Ohio"], []]  # the model tags one KTLA-5


def test_a_regulator_that_opened_an_inquiry_is_no_ticker_of_the_company():
    assert named("The SEC opened an investigation into Spectrum Brands Holdings Inc. on Monday.",
                 "Cerner Co. beat estimates. CERN opened at $92.10 on Friday.") == [
        [("SEC", "ORG", "SEC"), ("Spectrum Brands Holdings Inc.", "ORG", "Spectrum Brands Holdings Inc.")],
        [("Cerner Co.", "ORG", "Cerner Co."), ("CERN", "ORG", "Cerner Co.")]]


def test_the_better_business_bureaus_rating_stays_a_body():
    assert named("The BBB rating of the firm fell to an F.",
                 "The roofer has an A+ rating from the BBB, the owner said.",
                 "Fitch gave the county an AA rating. S&P rated it BBB.") == [
        [("BBB", "ORG", "BBB")], [("BBB", "ORG", "BBB")], [("S&P", "ORG", "S&P")]]  # the model tags no Fitch here
