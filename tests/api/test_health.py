from nightlegs.knowledge import load_kb


def test_it_answers_ok_and_the_kb_version(client):
    response = client.get("/api/v1/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "kb_version": load_kb().version}
