"""A bare surname joins the full name its own article writes, whatever case the article writes that name in
(loader/extract/mentions.py, _nearest_full_name): sentences written for these tests."""
from loader.extract import extract_items


def people(*texts: str) -> list[list[tuple[str, str]]]:
    found = extract_items([{"id": str(i), "text": text} for i, text in enumerate(texts)])
    return [[(m["text"], m["entity"]) for m in item["mentions"] if m["type"] == "PERSON"] for item in found]


def test_a_surname_joins_the_full_name_its_article_writes_in_capitals():
    assert people("JOHN CARTER, 27, of Concord was charged with assault. Carter was released on bail.",
                  "Tom Welsh, 34, was stabbed outside a bar. Welsh was taken to a hospital, police said.") == [
        [("JOHN CARTER", "JOHN CARTER"), ("Carter", "JOHN CARTER")], [("Tom Welsh", "Tom Welsh"), ("Welsh", "Tom Welsh")]]


def test_only_the_surname_of_the_name_in_capitals_joins_it():
    assert people("JOHN CARTER, 27, of Concord was charged with assault. Judge Ellen Price set bail at $500. "
                  "Carter must stay away from the bar, Price said.") == [
        [("JOHN CARTER", "JOHN CARTER"), ("Ellen Price", "Ellen Price"), ("Carter", "JOHN CARTER"),
         ("Price", "Ellen Price")]]
