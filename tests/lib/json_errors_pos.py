import json
for bad in ['', '[1,]', '{"a" 1}', '[1, 2', '"abc']:
    try:
        json.loads(bad)
    except ValueError as e:
        print(str(e))
