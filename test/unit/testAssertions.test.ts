/**
 * The status a test expects beside the code it asserts: the status assertions of the same block
 * that read the same response, in each test framework's own words, and none from another
 * response, another test, or a success status.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { assertedStatuses } from '../../server/src/service/text/testAssertions';
import { statusMentionsBetween } from '../../server/src/service/text/textScan';
import { acme } from '../helpers/acme';
import { setOf } from '../helpers/catalogs';

const set = setOf(acme());

/** The statuses expected with the code written as `CODE` in `lines`. */
function expected(lines: readonly string[]): number[] {
  const text = lines.join('\n');
  const offset = text.indexOf('CODE');
  assert.ok(offset >= 0, 'the sample names CODE');
  return assertedStatuses(text, offset, (from, to) => statusMentionsBetween(text, from, to, (s) => set.reasonOf(s), (n) => set.statusOfName(n))).map((m) => m.status);
}

describe('statuses a test expects with a code', () => {
  it('reads each framework\'s status assertion on the same response', () => {
    assert.deepEqual(expected([
      '    def test_x(client):',
      '        response = client.post("/x")',
      '        assert response.status_code == 422',
      '        assert response.json()["error"]["code"] == "CODE"',
    ]), [422]);
    assert.deepEqual(expected([
      '        HttpResponseMessage response = await _client.PutAsync("/x", body);',
      '        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);',
      '        Assert.Equal("CODE", (await Problem.ReadAsync(response)).Code);',
    ]), [410]);
    assert.deepEqual(expected([
      '        $response->assertStatus(413);',
      "        $response->assertJsonPath('type', 'CODE');",
    ]), [413]);
    assert.deepEqual(expected([
      '        mvc.perform(get("/x"))',
      '                .andExpect(status().isNotFound())',
      '                .andExpect(jsonPath("$.code").value("CODE"));',
    ]), [404]);
    assert.deepEqual(expected([
      '  it "refuses" do',
      '    post "/x", params: {}',
      '',
      '    expect(response).to have_http_status(:unauthorized)',
      '    expect(first_error["code"]).to eq("CODE")',
      '  end',
    ]), [401]);
  });

  it('follows a body read from the response, and keeps one status per thing read', () => {
    assert.deepEqual(expected([
      '    const response = await pay()',
      '    assert.equal(response.statusCode, 400)',
      '    const body = response.json()',
      "    assert.equal(body.statusCode, '402')",
      "    assert.equal(body.code, 'CODE')",
    ]), [402, 400]);
  });

  it('reads nothing from another response, another test, a success status or a line that asserts nothing', () => {
    // Two requests from the same client: the first one's status is not the second one's.
    assert.deepEqual(expected([
      '    first = client.post("/x")',
      '    assert first.status_code == 404',
      '    second = client.get("/y")',
      '    assert second.json()["code"] == "CODE"',
    ]), []);
    // The test above ends where the indentation does.
    assert.deepEqual(expected([
      "  it('a', async () => {",
      '    assert.equal(response.statusCode, 409)',
      '  })',
      "  it('b', async () => {",
      "    assert.equal(response.json().code, 'CODE')",
      '  })',
    ]), []);
    // A batch answer lists errors with a success status.
    assert.deepEqual(expected([
      '    assert response.status_code == 207',
      '    assert response.json()["results"][0]["code"] == "CODE"',
    ]), []);
    // Not an assertion.
    assert.deepEqual(expected([
      '    assert response.status_code == 404',
      '    code = "CODE"',
    ]), []);
    // Go's test handle is in every assertion: it does not tie two responses together.
    assert.deepEqual(expected([
      '\tassert.Equal(t, http.StatusNotFound, first.Code)',
      '\tsecond := httptest.NewRecorder()',
      '\tassert.Equal(t, "CODE", decode(second).Code)',
    ]), []);
    // A request between the status assertion and the code's, with nothing shared to tell them apart.
    assert.deepEqual(expected([
      '    expect(response).to have_http_status(:not_found)',
      '    get "/other"',
      '    expect(first_error["code"]).to eq("CODE")',
    ]), []);
  });
});
